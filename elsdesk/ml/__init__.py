"""Classification of tickets by Cosmic module and kind: text cleaning, model, cards, registry."""
