"""Arabic text core: normalisation with offset maps, tokens and clitics, sentences."""

from .normalize import Normalized, fold, is_arabic, normalize
from .tokens import Token, stems, tokenize, without_suffix

__all__ = ["Normalized", "Token", "fold", "is_arabic", "normalize", "stems", "tokenize", "without_suffix"]
