"""`make capacity`: load without browsers, through Streamlit's agent API."""
