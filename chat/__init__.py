"""SafeGPT's chat area: settings, accounts, conversation pipeline, LLM routing, Chainlit UI and CLI."""
