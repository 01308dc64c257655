"""Finnish towns by name, in and out of a network: "in Lohja" in each language, and the
larger towns of Finland, so that a question about a town outside the network is answered
as such and not with the meetings of other towns.

Whether a Finnish town takes -lla or -ssa ("Lohjalla", "Kotkassa") is a matter of usage,
not of rule, so the forms are listed; a town not listed is said "paikkakunnalla X".
"""

from __future__ import annotations

from bot.language.finnish import Lexicon

# Finnish name, Swedish name ("-" where it is the same), "in" the town in Finnish.
_TOWNS = """
Askola - Askolassa
Espoo Esbo Espoossa
Hamina Fredrikshamn Haminassa
Hanko Hangö Hangossa
Heinola - Heinolassa
Helsinki Helsingfors Helsingissä
Hyvinkää Hyvinge Hyvinkäällä
Hämeenlinna Tavastehus Hämeenlinnassa
Iisalmi Idensalmi Iisalmessa
Imatra - Imatralla
Inkoo Ingå Inkoossa
Joensuu - Joensuussa
Jyväskylä - Jyväskylässä
Järvenpää Träskända Järvenpäässä
Kaarina - Kaarinassa
Kajaani Kajana Kajaanissa
Kangasala - Kangasalla
Karjalohja Karislojo Karjalohjalla
Kauniainen Grankulla Kauniaisissa
Kemi - Kemissä
Kerava Kervo Keravalla
Kirkkonummi Kyrkslätt Kirkkonummella
Kokkola Karleby Kokkolassa
Kotka - Kotkassa
Kouvola - Kouvolassa
Kuopio - Kuopiossa
Kuusamo - Kuusamossa
Lahti Lahtis Lahdessa
Lappeenranta Villmanstrand Lappeenrannassa
Lapinjärvi Lappträsk Lapinjärvellä
Lempäälä - Lempäälässä
Lohja Lojo Lohjalla
Loviisa Lovisa Loviisassa
Mikkeli - Mikkelissä
Myrskylä Mörskom Myrskylässä
Mäntsälä - Mäntsälässä
Nokia - Nokialla
Nurmijärvi - Nurmijärvellä
Oulu Uleåborg Oulussa
Pietarsaari Jakobstad Pietarsaaressa
Pirkkala Birkala Pirkkalassa
Pori Björneborg Porissa
Pornainen Borgnäs Pornaisissa
Porvoo Borgå Porvoossa
Raasepori Raseborg Raaseporissa
Raisio Reso Raisiossa
Rauma Raumo Raumalla
Riihimäki - Riihimäellä
Rovaniemi - Rovaniemellä
Salo - Salossa
Savonlinna Nyslott Savonlinnassa
Seinäjoki - Seinäjoella
Sipoo Sibbo Sipoossa
Siuntio Sjundeå Siuntiossa
Tampere Tammerfors Tampereella
Tornio Torneå Torniossa
Turku Åbo Turussa
Tuusula Tusby Tuusulassa
Vaasa Vasa Vaasassa
Vantaa Vanda Vantaalla
Vihti Vichtis Vihdissä
Ylöjärvi - Ylöjärvellä
"""

_ROWS = [line.split() for line in _TOWNS.strip().splitlines()]
_LOCATIVES = {finnish: locative for finnish, _, locative in _ROWS}

# The larger towns of Finland by their Finnish and Swedish names, with typos as for the
# network's own towns.
FINNISH_TOWNS: Lexicon[str] = Lexicon(
    [(finnish, finnish) for finnish, _, _ in _ROWS]
    # "Turussa", "Lahdessa": the stemmer does not undo every stem change of town names.
    + [(locative, finnish) for finnish, _, locative in _ROWS]
    + [(swedish, finnish) for finnish, swedish, _ in _ROWS if swedish != "-"],
    typos=True,
)


def in_town(town: str) -> str:
    """The town with "in" in Finnish: "Lohjalla", "Kotkassa"; "paikkakunnalla X" if unlisted."""
    return _LOCATIVES.get(town) or f"paikkakunnalla {town}"


_SWEDISH = {finnish: swedish for finnish, swedish, _ in _ROWS if swedish != "-"}


def town_name(town: str, language: str) -> str:
    """A town's name for a reader: Helsingfors in Swedish where it has a Swedish name."""
    return _SWEDISH.get(town, town) if language == "sv" else town
