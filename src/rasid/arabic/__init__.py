"""Arabic text core: normalisation with offset maps, tokens and clitics, sentences."""

from .normalize import Normalized, fold, is_arabic, normalize
from .tokens import Token, ends_in_taa_marbuta, stems, tokenize, without_suffix

__all__ = ["Normalized", "Token", "ends_in_taa_marbuta", "fold", "is_arabic", "normalize", "stems", "tokenize", "without_suffix"]
