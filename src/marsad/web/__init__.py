"""The dashboard's packaged assets: Jinja2 templates and static CSS/JS (nothing is loaded from a CDN)."""
