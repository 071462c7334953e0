"""The model side: a LiteLLM router over the configured ``model_list`` (``router``), in-process llama.cpp models
as a LiteLLM provider (``local_model``, ``local_provider``), model files assembled from packages
(``model_files``), the fair waiting line per model (``fair_queue``) and the section settings (``settings``).

Imports nothing of ``chat`` outside ``chat.llm``. Importing ``chat.llm`` itself (or its ``settings`` and
``errors``) loads no LiteLLM and no llama.cpp.
"""
