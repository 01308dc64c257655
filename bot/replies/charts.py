"""Bar charts as PNG images: people would rather look at results than read them."""

from __future__ import annotations

import io
import textwrap
from dataclasses import dataclass

_WIDTH = 8.0
_BAR_HEIGHT = 0.42
_TITLE_HEIGHT = 0.9
_DPI = 110


@dataclass(frozen=True)
class Panel:
    """One question's bars: a title, a label and a count a bar, and a note beside each."""

    title: str
    labels: tuple[str, ...]
    counts: tuple[int, ...]
    notes: tuple[str, ...]


def bar_chart(panels: list[Panel]) -> bytes:
    """The panels one below the other, as one PNG image."""
    # Imported at the first chart, not at the start: matplotlib and numpy take seconds to
    # import and tens of megabytes, which every start and every instance would pay for a
    # survey's results that most never draw.
    # The figure is drawn on its own Agg canvas, never through pyplot: no display is needed
    # and no global state is shared between the charts of two requests.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    heights = [_TITLE_HEIGHT + _BAR_HEIGHT * max(len(p.labels), 1) for p in panels]
    figure = Figure(figsize=(_WIDTH, sum(heights) + 0.3), dpi=_DPI)
    FigureCanvasAgg(figure)
    axes = figure.subplots(len(panels), 1, squeeze=False, height_ratios=heights)
    for panel, (ax,) in zip(panels, axes, strict=True):
        rows = range(len(panel.labels))
        ax.barh(list(rows), panel.counts, color="#3b6ea5")
        ax.set_yticks(list(rows), [textwrap.shorten(label, 40) for label in panel.labels])
        ax.invert_yaxis()  # the first option on top, as in the message
        ax.set_title(textwrap.fill(panel.title, 80), loc="left", fontsize=10)
        ax.set_xlim(0, max([*panel.counts, 1]) * 1.35)
        ax.xaxis.get_major_locator().set_params(integer=True)
        for row, (count, note) in enumerate(zip(panel.counts, panel.notes, strict=True)):
            ax.annotate(note, (count, row), xytext=(4, 0), textcoords="offset points", va="center")
        ax.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    image = io.BytesIO()
    figure.savefig(image, format="png")
    return image.getvalue()
