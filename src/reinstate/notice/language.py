"""Tell which language a notice is written in, without a model.

Chinese, Japanese and Korean are told apart by their scripts; languages in Latin script by
counting very common words. The reader classifies English and Chinese notices only; for any
other language it says which one it saw, so the seller knows to switch Seller Central to English.
"""

from __future__ import annotations

import re

HAN = re.compile(r"[\u4e00-\u9fff]")
KANA = re.compile(r"[\u3040-\u30ff]")
HANGUL = re.compile(r"[\uac00-\ud7af]")
LATIN_WORD = re.compile(r"\b[^\W\d_]+\b")
OTHER_SCRIPT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


def words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string (easier to read and edit)."""
    return frozenset(text.split())


# Short, frequent words of each language (lower case); a word in two lists counts for both.
STOPWORDS: dict[str, frozenset[str]] = {
    "en": words(
        "the and you your of to is are we have has this that for with not will our been on in be "
        "please if account listings"
    ),
    "de": words(
        "der die das und sie ihr ihre ihren ist sind wir haben wurde wurden nicht mit für auf den "
        "dem des ein eine einen bitte wenn konto"
    ),
    "es": words(
        "el la los las y su sus es son hemos ha que por para con no de del una un se cuenta usted si"
    ),
    "fr": words(
        "le la les et vous votre vos est sont nous avons a que pour avec pas de du des une un compte si"
    ),
    "it": words(
        "il lo la gli le e tuo tua tuoi sono abbiamo ha che per con non di del della una un account se"
    ),
    "pt": words(
        "o a os as e sua seu suas é são nós temos foi que para com não de do da uma um conta você se"
    ),
    "nl": words("de het en uw u is zijn wij hebben heeft dat voor met niet van een op account als"),
}


def detect_language(text: str) -> str:
    """An ISO 639-1 code for the text: ``zh``, ``ja``, ``ko``, ``en``, ``de``...; ``und`` if unsure.

    A notice counts as Chinese when Han characters outnumber the Latin words around them by
    a fair margin (a Chinese notice still quotes ASINs and English policy names).
    """
    han = len(HAN.findall(text))
    kana = len(KANA.findall(text))
    hangul = len(HANGUL.findall(text))
    latin = [w.lower() for w in LATIN_WORD.findall(text) if not OTHER_SCRIPT.search(w)]
    if kana >= 5 and kana * 3 >= len(latin):
        return "ja"
    if hangul >= 5 and hangul * 2 >= len(latin):
        return "ko"
    if han >= 8 and han >= len(latin) * 0.6:
        return "zh"
    counts = {lang: sum(1 for w in latin if w in stop) for lang, stop in STOPWORDS.items()}
    best = max(counts, key=lambda lang: counts[lang])
    if counts[best] < 2:
        return "und"
    if best != "en" and counts["en"] >= counts[best] * 0.8:
        return "en"
    return best
