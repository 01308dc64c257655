"""What every layer may use: the clock, exact reading of typed numbers, logs and metrics."""
