import os

# Every test runs headless, whatever the developer's session uses.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
