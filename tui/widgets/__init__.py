"""Widgets of the claimmark reader."""
