"""Verstas: the meeting bot of a network of municipalities' theme workshops."""
