"""Storage: SQLAlchemy models, engine and sessions, migrations, schedule import."""
