"""The selected annotation's fields: tags, note, speaker and stances."""
