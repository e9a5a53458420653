from components import respell  # noqa: F401  registers the spaCy "respell" component before spaCy loads the pipeline
