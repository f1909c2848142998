## Sites van scholen van een bestuur

# Onder aan elke pagina van de site van een school, als het bestuur dat wil; $board is de naam van het bestuur.
school-adopted-by = Dit protocol is vastgesteld door { $board }.
# Gevolgd door de contactgegevens die de school opgeeft (onder de zin footer-text).
school-contact = Contactpersoon:
# Bij een artikel dat de school zelf heeft geschreven in plaats van de tekst van het bestuur, als het bestuur die tekst daarna heeft gewijzigd.
board-changed = Het bestuur heeft zijn tekst van dit artikel gewijzigd sinds de school deze eigen versie vaststelde. De school controleert of deze versie nog klopt.
# Kop boven de lijst van scholen op de startpagina van de site van een bestuur.
board-schools-title = Onze scholen
# Onder die kop: elke school publiceert het protocol op een eigen site.
board-schools-intro = Elke school publiceert dit protocol op haar eigen site, met haar eigen naam, contactpersoon en afspraken.
