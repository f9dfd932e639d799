import streamlit as st

st.title("Analyst")
