"""Connecting to Snowflake as Kestra's Snowflake JDBC driver is told to: a url
`jdbc:snowflake://ACCOUNT.snowflakecomputing.com/?warehouse=...&db=...` (or any host
and port, `ssl=off` for plain http, as a local fake server needs), a user with a
password or an RSA private key, and the session's warehouse, database, schema, role
and query tag (SnowflakeInterface#renderProperties)."""
from __future__ import annotations

import base64
import binascii
from typing import Any

from plugins.api.properties import Property

from ..errors import JdbcError, JdbcUrlError
from ..url import JdbcUrl

HOST_SUFFIX = ".snowflakecomputing.com"

# SnowflakeInterface's properties, and AutoCommitInterface's.
SNOWFLAKE_PROPERTIES = (
    Property("warehouse", description="The virtual warehouse to use once connected."),
    Property("database", description="The default database of the session."),
    Property("schema", description="The default schema of the session."),
    Property("role", description="The access control role of the session."),
    Property("queryTag", description="A QUERY_TAG set on the session, to find its queries."),
    Property("privateKey",
             description="An RSA private key for key-pair authentication: the PEM body (base64 of the PKCS#8 DER), "
                         "or the whole PEM text."),
    Property("privateKeyPassword", description="The password of an encrypted `privateKey`."),
    Property("privateKeyFile", description="The path of a private key file on the worker."),
    Property("privateKeyFilePassword", description="The password of `privateKeyFile`."),
)
AUTO_COMMIT = Property("autoCommit", "boolean", default=True,
                       description="Commit each statement as it ends (Snowflake's AUTOCOMMIT).")
CONNECTION_OPTIONS = tuple(prop.name for prop in SNOWFLAKE_PROPERTIES) + ("autoCommit",)
# The Snowflake JDBC driver's url parameters the connector knows by another name.
URL_PARAMETERS = {"warehouse": "warehouse", "db": "database", "database": "database", "schema": "schema",
                  "role": "role", "account": "account", "authenticator": "authenticator",
                  "application": "application"}


def connect_arguments(url: JdbcUrl, username: str | None, password: str | None,
                      options: dict[str, Any]) -> dict[str, Any]:
    """snowflake.connector.connect's keyword arguments for this url and these options;
    the properties win over the url's parameters, as the driver's Properties do."""
    if not url.host:
        raise JdbcUrlError("a Snowflake url names its host: jdbc:snowflake://ACCOUNT.snowflakecomputing.com/")
    params = {key.lower(): value for key, value in url.params.items()}
    plain_http = params.get("ssl", "on").lower() in ("off", "false")
    arguments: dict[str, Any] = {
        "host": url.host, "protocol": "http" if plain_http else "https",
        "port": url.port or (80 if plain_http else 443),
        "account": params.get("account") or url.host.split(".")[0],
        "user": username or url.username or params.get("user"),
        "session_parameters": {"CLIENT_OUT_OF_BAND_TELEMETRY_ENABLED": False},
    }
    for key, argument in URL_PARAMETERS.items():
        if params.get(key):
            arguments[argument] = params[key]
    if "networktimeout" in params:  # milliseconds in the JDBC url, seconds to the connector
        arguments["network_timeout"] = max(1, int(params["networktimeout"]) // 1000)
    if "logintimeout" in params:
        arguments["login_timeout"] = int(params["logintimeout"])
    for name in ("warehouse", "database", "schema", "role"):
        if options.get(name):
            arguments[name] = str(options[name])
    if options.get("queryTag"):
        arguments["session_parameters"]["QUERY_TAG"] = str(options["queryTag"])
    arguments["autocommit"] = str(options.get("autoCommit", True)).strip().lower() != "false"
    _authentication(arguments, password or url.password or params.get("password"), options)
    return {key: value for key, value in arguments.items() if value is not None}


def _authentication(arguments: dict[str, Any], password: str | None, options: dict[str, Any]) -> None:
    key, key_file = options.get("privateKey"), options.get("privateKeyFile")
    if key:
        if key_file or options.get("privateKeyFilePassword"):
            raise JdbcError("The 'privateKeyFile' property cannot be used if the 'privateKey' property is used.")
        arguments["private_key"] = private_key(str(key), options.get("privateKeyPassword"))
    elif key_file:
        arguments["private_key_file"] = str(key_file)
        if options.get("privateKeyFilePassword"):
            arguments["private_key_file_pwd"] = str(options["privateKeyFilePassword"])
    else:
        arguments["password"] = password


def private_key(text: str, password: Any) -> Any:
    """The RSA key of `privateKey` (RSAKeyPairUtils#deserializePrivateKey): PEM, or its
    base64 body alone, encrypted when a password is given."""
    from cryptography.hazmat.primitives.serialization import load_der_private_key, load_pem_private_key

    secret = str(password).encode() if password else None
    try:
        if "-----BEGIN" in text:
            return load_pem_private_key(text.encode(), secret)
        body = "".join(text.split())
        return load_der_private_key(base64.b64decode(body, validate=True), secret)
    except (ValueError, TypeError, binascii.Error) as exc:
        raise JdbcError(f"privateKey is not a readable RSA private key: {exc}") from None
