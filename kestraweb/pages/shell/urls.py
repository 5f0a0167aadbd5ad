from django.urls import path

from ..routing import ui
from . import views

urlpatterns = [
    path("ui/login", views.LoginView.as_view(), name="login"),
    path("ui/logout", views.LogoutView.as_view(), name="logout"),
    *ui("preferences/theme", views.set_theme, "set-theme"),
]
