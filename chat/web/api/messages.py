"""Texts of the API area that callers read (German first, English in brackets for the developers)."""

INVALID_KEY = "Ungültiger oder gesperrter API-Schlüssel. (Invalid or revoked API key.)"
RATE_LIMITED = ("Zu viele Anfragen für diesen API-Schlüssel; bitte nach {seconds} s erneut versuchen. "
                "(Rate limit exceeded; retry after {seconds} s.)")
BODY_TOO_LARGE = "Die Anfrage ist zu groß (höchstens {limit} Bytes). (Request body too large, limit {limit} bytes.)"
INVALID_JSON = "Der Anfragetext ist kein gültiges JSON. (The request body is not valid JSON.)"
INVALID_FIELD = "Ungültiges Feld „{param}“: {problem} (Invalid field '{param}'.)"
MODEL_NOT_FOUND = ("Das angefragte Modell gibt es nicht oder es ist für diesen Schlüssel nicht freigegeben. "
                   "(The model does not exist or this key may not use it.)")
DATA_CLASS_NOT_ALLOWED = (
    "Die Anfrage enthält {reason}. Dieser API-Schlüssel ist dafür nicht freigegeben; nichts wurde gesendet. "
    "(This key is not approved for the data class '{data_class}'; nothing was sent.)"
)
EMBEDDER_REFUSED = (
    "Die Eingaben enthalten {reason}. Der Embedding-Dienst läuft am Standort „{location}“ und darf solche Daten "
    "nicht erhalten; nichts wurde gesendet. (The embedder's location may not receive the data class '{data_class}'.)"
)
POLICY_REFUSED = "{text} (The routing policy does not let this model receive the data class '{data_class}'.)"
LAST_MESSAGE_NOT_USER = ("Die letzte Nachricht muss von der Rolle „user“ sein. "
                         "(The last message must have the role 'user'.)")
TOO_MANY_MESSAGES = "Zu viele Nachrichten (höchstens {limit}). (Too many messages, limit {limit}.)"
UNSUPPORTED = "„{param}“ wird von SafeGPT nicht unterstützt. ('{param}' is not supported by SafeGPT.)"
UPSTREAM_UNAVAILABLE = "{text} (The language model is unavailable.)"
INTERNAL_ERROR = "Interner Fehler; die Anfrage wurde nicht beantwortet. (Internal error.)"
NOT_FOUND = "Diesen Endpunkt gibt es nicht. (Unknown endpoint.)"
METHOD_NOT_ALLOWED = "Diese Methode ist hier nicht erlaubt. (Method not allowed.)"
EMBEDDINGS_OFF = ("Für Embeddings ist kein Modell eingerichtet. "
                  "(No embedding model is configured on this server.)")
EMBEDDING_DIMENSIONS = ("Dieses Embedding-Modell liefert nur {dimensions} Dimensionen. "
                        "(This model only produces {dimensions} dimensions.)")
TOO_MANY_INPUTS = "Zu viele Eingaben (höchstens {limit}). (Too many inputs, limit {limit}.)"
INPUT_TOO_LONG = "Eine Eingabe ist zu lang (höchstens {limit} Zeichen). (An input is too long, limit {limit}.)"
EMPTY_INPUT = "Leere Eingabe. (Empty input.)"

# Key administration (CLI)
KEY_UNKNOWN_MODELS = "Unbekannte Modelle {models}; vorhanden: {known}."
KEY_UNKNOWN_CLASSES = "Unbekannte Datenklassen {classes}; erlaubt: {known}."
KEY_NO_MODELS = "Bitte mindestens ein Modell angeben (--models)."
KEY_BAD_NAME = "Der Systemname muss 1 bis 120 Zeichen lang sein."
KEY_BAD_RATE = "Das Ratenlimit muss zwischen 1 und 100000 Anfragen pro Minute liegen."
KEY_NOT_FOUND = "Den API-Schlüssel „{key_id}“ gibt es nicht."
KEY_ALREADY_REVOKED = "Der API-Schlüssel „{key_id}“ ist bereits gesperrt."
