"""Documents: context, wording, templates, the NĐ 30 layout, rendering, spreadsheets."""
