"""Small tests that stand in for real work: each one sleeps a little, so parallelism shows."""
import time

import pytest


@pytest.mark.parametrize("n", range(24))
def test_square_is_non_negative(n):
    time.sleep(0.25)
    assert n * n >= 0


@pytest.mark.parametrize("word", ["offload", "bench", "xdist", "modal"])
def test_word_round_trips_through_upper(word):
    time.sleep(0.25)
    assert word.upper().lower() == word
