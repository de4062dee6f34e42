"""Server-rendered SVG bar charts: geometry here, markup in reporting/_bar_chart.html."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import number_format

from reporting.figures import FigureData

# Non-text contrast of at least 3:1 against white (WCAG 1.4.11), distinct in greyscale.
PALETTE = ("#0a3a66", "#b35900", "#2e6b30", "#6f2c91")
WIDTH = 640
LABEL_WIDTH = 200
VALUE_WIDTH = 70
BAR_HEIGHT = 16
BAR_GAP = 4
GROUP_GAP = 14
TOP = 8


@dataclass
class Bar:
    x: int
    y: int
    width: float
    height: int
    colour: str
    text: str
    text_x: float
    text_y: int


@dataclass
class Group:
    label: str
    label_y: int
    bars: list[Bar]


@dataclass
class Series:
    name: str
    colour: str
    y: int = 0


LEGEND_LINE = 18


def display(value, unit: str = "") -> str:
    if value is None:
        return "—"
    text = number_format(value, decimal_pos=1 if isinstance(value, float) else None)
    return f"{text}{' ' + unit if unit and unit != '%' else unit}"


def bar_chart(data: FigureData) -> dict | None:
    chart = data.chart
    if chart is None or not data.rows:
        return None
    unit = str(chart.unit)
    columns = chart.value_columns
    values = [[row[col] or 0 for col in columns] for row in data.rows]
    top = chart.maximum or max((v for row in values for v in row), default=0) or 1
    plot_width = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    group_height = len(columns) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
    groups, y = [], TOP
    for row, row_values in zip(data.rows, values, strict=True):
        bars = []
        for index, (col, value) in enumerate(zip(columns, row_values, strict=True)):
            bar_y = y + index * (BAR_HEIGHT + BAR_GAP)
            width = round(plot_width * value / top, 1)
            bars.append(
                Bar(
                    x=LABEL_WIDTH,
                    y=bar_y,
                    width=width,
                    height=BAR_HEIGHT,
                    colour=PALETTE[index % len(PALETTE)],
                    text=display(row[col], unit),
                    text_x=LABEL_WIDTH + width + 4,
                    text_y=bar_y + BAR_HEIGHT - 4,
                )
            )
        label = str(row[chart.label_column])
        groups.append(
            Group(
                label=label if len(label) <= 28 else label[:27] + "…",
                label_y=y + group_height // 2 + 5,
                bars=bars,
            )
        )
        y += group_height + GROUP_GAP
    series = [
        Series(str(data.columns[col]), PALETTE[index % len(PALETTE)], index * LEGEND_LINE + 4)
        for index, col in enumerate(columns)
    ]
    summary = "; ".join(
        f"{row[chart.label_column]}: "
        + ", ".join(f"{data.columns[col]} {display(row[col], unit)}" for col in columns)
        for row in data.rows
    )
    return {
        "width": WIDTH,
        "height": y - GROUP_GAP + TOP,
        "legend_height": len(series) * LEGEND_LINE + 8,
        "total_height": y - GROUP_GAP + TOP + len(series) * LEGEND_LINE + 8,
        "axis_x": LABEL_WIDTH,
        "groups": groups,
        "series": series,
        "summary": summary,
    }
