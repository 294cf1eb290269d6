"""Fixtures shared by the model tests: a fresh model cache per test, a small model, two texts."""

from __future__ import annotations

import pytest

from elsdesk.corpus import load_seed_corpus
from elsdesk.ml.model import TicketModel
from elsdesk.services.classification import forget_loaded_models

TEXTS = [{"id": "a", "title": "Skrivaren", "description": "Etikettskrivaren skriver inte ut armband"},
         {"id": "b", "title": "Kan inte signera", "description": "Pennan är grå när jag ska signera dosen"}]


@pytest.fixture(autouse=True)
def _fresh_model_cache():
    """Models loaded by one test are never what the next test classifies with."""
    forget_loaded_models()
    yield
    forget_loaded_models()


@pytest.fixture(scope="module")
def small_model() -> TicketModel:
    """A model that differs from the shipped one (fitted on every tenth seed row), quick to fit."""
    return TicketModel().fit(load_seed_corpus()[::10])
