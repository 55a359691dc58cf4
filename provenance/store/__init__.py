"""Storage: SQLModel tables, migrations, and the repository that speaks Structs."""
