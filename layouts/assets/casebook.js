// casebook: progressive enhancements
