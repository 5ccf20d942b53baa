"""The Qt-free core: deck model, YAML loader and search.

Nothing under ``briefing.core`` may import Qt; ``tests/core/test_core_is_qt_free.py``
enforces it so that ``briefing validate`` and ``briefing search`` start fast.
"""
