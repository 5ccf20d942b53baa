"""The print layouts: handout, outline, and cut-out and fold sheets."""
