## Sites of a board's schools

# At the foot of every page of a school's site, when the board wants it; $board is the board's name.
school-adopted-by = This protocol was adopted by { $board }.
# Followed by the contact details the school gives.
school-contact = Contact:
# With an article the school wrote in place of the board's text, when the board changed that text afterwards.
board-changed = The board has changed its text of this article since the school adopted this version of its own. The school is checking whether this version is still right.
# Heading above the list of schools on the home page of a board's site.
board-schools-title = Our schools
# Under that heading: each school publishes the protocol on a site of its own.
board-schools-intro = Each school publishes this protocol on its own site, with its own name, contact person and agreements.
