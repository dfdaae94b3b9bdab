"""A word of two letters or less is left as it is without asking PyStemmer (so `S-400` does
not load it): that shortcut must give what Snowball English gives for every such word."""

from __future__ import annotations

import itertools
import string

import Stemmer

from factcli import analyze


def test_short_english_words_stem_as_snowball_stems_them() -> None:
    snowball = Stemmer.Stemmer("english")
    words = ["".join(p) for n in (1, 2) for p in itertools.product(string.ascii_lowercase, repeat=n)]
    assert len(words) == 702
    assert [analyze.stems([w])[0] for w in words] == snowball.stemWords(words)


def test_a_query_of_short_words_does_not_load_the_stemmer() -> None:
    import subprocess
    import sys

    code = "import sys; from factcli import analyze; analyze.stems(['s', 'us', 'al']); print('Stemmer' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
