"""The main window and its parts: actions and menus, opening and watching decks, the reading
place, the header, problems and Help.
"""
