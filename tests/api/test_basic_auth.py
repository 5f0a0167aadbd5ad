"""HTTP Basic with Django users (Kestra OSS basic auth; kestrapy's username/password).
A remembered good password must stop working once it is changed or the user is
deactivated."""
import base64

import pytest
from rest_framework.test import APIClient

from .conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_it_accepts_the_password_then_refuses_it_once_changed(alice, plain_user):
    assert alice.get("/api/v1/me").status_code == 200
    assert alice.get("/api/v1/me").status_code == 200
    plain_user.set_password("another-one")
    plain_user.save()
    assert_problem(alice.get("/api/v1/me"), 401)
    fresh = APIClient()
    fresh.credentials(HTTP_AUTHORIZATION="Basic " + base64.b64encode(b"alice:another-one").decode())
    assert fresh.get("/api/v1/me").status_code == 200


def test_it_refuses_a_deactivated_user(alice, plain_user):
    assert alice.get("/api/v1/me").status_code == 200
    plain_user.is_active = False
    plain_user.save()
    assert_problem(alice.get("/api/v1/me"), 401)


def test_it_refuses_a_wrong_password(plain_user):
    wrong = APIClient()
    wrong.credentials(HTTP_AUTHORIZATION="Basic " + base64.b64encode(b"alice:wrong").decode())
    response = wrong.get("/api/v1/me")
    assert_problem(response, 401)
    assert response["WWW-Authenticate"] == 'Basic realm="kestraweb"'


def test_it_refuses_a_malformed_header(plain_user):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Basic !!!not-base64")
    assert_problem(api.get("/api/v1/me"), 401)
