"""What every page shares: login and logout, the left menu, the theme."""
