"""Domain events that cross apps, so that either side can land (or be absent) first.

- ``screening_completed(sender, screening, citizen, consented_accommodations, by)``:
  sent by screening after commit; matching copies consented accommodation needs.
- ``citizen_hired(sender, citizen, employer, match, hired_on, by)``: sent by matching after
  commit when a match becomes ``hired``.
"""

from django.dispatch import Signal

screening_completed = Signal()
citizen_hired = Signal()
