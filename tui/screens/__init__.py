"""Screens over the main one: help and dialogs."""
