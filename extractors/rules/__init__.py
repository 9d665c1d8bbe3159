"""Domain rules of the extractor: one module per fact family, shared context and plants."""
