"""Verifies a chatkit-embed token the way a Python ChatKit backend would: with an
ordinary JWT library (joserfc here) and the session server's JWKS, fetched over HTTP.

Usage: verify_token.py <jwks-url> <issuer> <token>; prints the user (sub)."""
import json
import sys
import urllib.request

from joserfc import jwt
from joserfc.jwk import KeySet

jwks_url, issuer, token = sys.argv[1:4]
with urllib.request.urlopen(jwks_url) as response:
    keys = KeySet.import_key_set(json.load(response))
decoded = jwt.decode(token, keys, algorithms=["ES256"])
jwt.JWTClaimsRegistry(
    iss={"essential": True, "value": issuer},
    aud={"essential": True, "value": "chatkit"},
    sub={"essential": True},
    exp={"essential": True},
).validate(decoded.claims)
print(decoded.claims["sub"])
