"""The app's screens: the library, the reader and the claims view."""
