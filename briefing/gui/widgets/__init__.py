"""Small widgets shared by the window's parts: labels that fit, highlight or mark, the notice
bar and icons.
"""
