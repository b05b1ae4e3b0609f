"""Actors: the shipped knowledge base, the mention matcher and the NER model for unknown names."""

from .kb import KnowledgeBase, default_kb

__all__ = ["KnowledgeBase", "default_kb"]
