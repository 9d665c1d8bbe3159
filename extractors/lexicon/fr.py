"""French lexical classes (regular-expression fragments; see extractors.lexicon)."""

from __future__ import annotations

LEXICON: dict[str, str] = {
    # verbs and nouns of making vehicles
    "produce": (
        r"se concentre sur|se concentrera sur|"
        r"produi\w*|produit\w*|product\w*|fabriqu\w*|fabrication|assembl\w*|construi\w*|"
        r"construction automobile|mont[ée]\w*|sort\w*(?: \w+)? des (?:cha[iî]nes|lignes)|"
        r"sortir des (?:cha[iî]nes|lignes)|quitt\w* (?:les|ses) (?:cha[iî]nes|lignes)|"
        r"descendu de la cha[iî]ne|apparue? sur les lignes|voit le jour|vu le jour|"
        r"mise? en production|entr\w* en (?:production|fabrication)|sort de l'usine|"
        r"sort\w*(?: \w+)? d[eu] (?:l'usine|la cha[iî]ne|des cha[iî]nes|des lignes|ses cha[iî]nes|ses lignes)|"
        r"cadence|prendre la suite|remplac\w*|succéd\w*|accueill\w*|"
        r"repouss\w*|report\w*|décal\w*|retard\w*|"
        r"seul modèle (?:produit |assemblé |fabriqué )?(?:de l'usine|du site|(?:à|dans|sur) (?:l'usine|le site))"
    ),
    "plant_noun": (
        r"usines?|sites?(?! web| internet)|complexes? industriels?|complexe|manufacture|"
        r"fabriques?|ateliers?|chaînes? d'assemblage|gigafactory|gigausine|unités? de production|"
        r"p[ôo]le industriel|centre de production|base de production"
    ),
    "plant_anaphor": (
        r"l'usine|le site|cette usine|ce site|notre usine|notre site|son usine|son site|"
        r"ses cha[iî]nes|ses lignes|les lignes|la ligne|la cha[iî]ne|le complexe|l'atelier|"
        r"l'usine du nord|la manufacture|y(?= \w+ (?:fabriqu|produi|assembl|sortir|sortiront))|"
        r"sur place|s'y(?= \w)|s’y(?= \w)|y (?:sera|seront|est|sont) (?:\w+ )?(?:fabriqu|produi|assembl|construi)\w*|y sortiront"
    ),
    "future": (
        r"\w{3,}(?:era|eront|ira|iront)|\w{2,}(?:dra|dront)|sera|seront|aura|auront|fera|feront|"
        r"va|vont|allons|allez|doit|doivent|devra|s'apprête(?:nt)? à|suivra|suivront|repouss\w*|report\w*|décal\w*|retard\w*|"
        r"devront|devrait|devraient|prévoi\w*|prévu\w*|programm[ée]\w*|à partir d[eu']|dès|"
        r"d'ici|à l'horizon|appelée? à|est attendue?|sont attendus|compte|comptent|"
        r"projet|objectif|vise|visée?|bientôt|prochainement|désormais aussi|planifi\w*|"
        r"calendrier|annonc\w* pour|pour la production|pour produire|pour fabriquer|pour assembler"
    ),
    "start": (
        r"démarr\w*|demarr\w*|lanc\w*|lancement|commenc\w*|début\w*|debut\w*|mise? en production|"
        r"entr\w* en (?:production|fabrication)|ouvrir|ouvert\w*|ouverture|sortir|sortiront|"
        r"installera|installe|ouvrira|arrivée|coup d'envoi"
    ),
    "started": (
        r"(?:a|ont) (?:\w+ment )?(?:démarré|demarre|débuté|lancé|commencé)|"
        r"(?:a|ont) donné (?:\w+ ){0,2}le coup d'envoi|"
        r"(?:production|fabrication|assemblage) d(?:e |u |es |')(?:\S+ ){0,6}?(?:a|avait) (?:\w+ment )?(?:démarré|débuté|commencé)|"
        r"est entrée? en production|sont entrées? en production|descendu de la cha[iî]ne|"
        r"apparue? sur les lignes|sort en série|sortent en série|officiellement démarré|"
        r"premi(?:er|ère)s? (?:\S+ ){0,4}?(?:est|sont) sortie?s?|démarrage(?! de production fait)|"
        r"a vu le jour|ont vu le jour|a été lancée?|a assemblé|ont assemblé|a produit|"
        r"avai(?:t|ent) (?:démarré|débuté|commencé)|(?:production|fabrication|assemblage) (?:a|avait) (?:démarré|débuté|commencé)"
    ),
    "ongoing": (
        r"déjà|actuellement|aujourd'hui|toujours|continue\w*|poursui\w*|existante?|en cours|"
        r"également|partage\w*|désormais|assemble|assemblent|fabrique|fabriquent|produit|"
        r"produisent|sont (?:également |aussi |déjà )?(?:fabriqu|produit|assembl)\w*|sort|sortent|"
        r"tourne|règne"
    ),
    "ended": (
        r"a pris fin|prend fin|prendra fin|arrêt\w*|arret\w*|stopp\w*|cess\w*|fin de (?:la )?production|"
        r"dernière voiture|dernier véhicule|dernières?|c'en est fini|plus aucune?|n'en sort|"
        r"abandonn\w*|interrompu\w*|clôtur\w*"
    ),
    "cancelled": r"annul\w*|renonc\w*|abandonn\w* (?:le|la|les) projet|supprim\w* (?:la|le) production",
    "paused": (
        r"met à l'arrêt|mise à l'arrêt|mis à l'arrêt|à l'arrêt|pause|suspen\w*|chômage technique|"
        r"interrompue? temporairement|gel\w*"
    ),
    "resumed": r"redémarr\w*|repris\w*|reprend\w* (?:la )?production|tourne à nouveau",
    "move": (
        r"départ|transf[ée]r\w*|délocalis\w*|déménag\w*|quitt\w*|migr\w*|rapatri\w*|"
        r"prendre la suite|succéd\w*|remplac\w*|(?:sera|seront|a été|ont été|est|sont) reprise?s? par"
    ),
    "hedge": (
        r"envisag\w*|pourrai\w*|pourrait|pourraient|serait|seraient|aurait|auraient|"
        r"rumeurs?|selon (?:certaines|des) (?:sources|rumeurs)|au fait du dossier|pressentie?s?|"
        r"en discussion|discussions|pourparlers|susceptibles?|éventuel\w*|hypoth\w*|"
        r"réfléchi\w*|étudi\w*|n'est pas exclu|peu probable|d'après la source|"
        r"si les pourparlers|on apprend|parmi les options|options envisagées|candidats?|"
        r"pas (?:souhaité |voulu )?commenter|n'a (?:\w+ ){0,2}pas confirmé|rien confirmé|sans confirmer|"
        r"a démenti|ont démenti|dément|démentent|démenti\w*"
    ),
    "negation": (
        r"ne \w+ pas|n'\w+ pas|ne sera pas|ne seront pas|ne \w+ plus|n'\w+ plus|"
        r"n'\w+ jamais|aucune?|non plus|sans"
    ),
    "former": (
        r"avai(?:t|ent) (?:\w+ ){0,2}(?:programmé|prévu)|initialement|au départ|à l'origine|devait|devaient|"
        r"plan initial|plan d'origine|"
        r"comptait|prévoyait|ancien\w* plan|précédemment|autrefois|jadis|"
        r"dans les années (?:19|20)\d0"
    ),
    "capacity_cue": (
        r"capacité\w*|capable de|plein régime|pleine capacité|jusqu'à|pouvant produire|"
        r"peut (?:produire|assembler|fabriquer|sortir)|peuvent sortir|conçue? pour|"
        r"dimensionnée? pour|à pleine cadence|en rythme de croisière|pourra (?:produire|assembler|sortir)|"
        r"potentiel de production"
    ),
    "per_year": r"par an|par année|chaque année|annuel\w*|/an|l'an",
    "per_day": r"par jour|chaque jour|quotidien\w*|par semaine|par mois|/jour",
    "vehicle_unit": (
        r"unités|véhicules|vehicules|voitures|automobiles|exemplaires|autos|modèles|"
        r"camions|utilitaires"
    ),
    "workforce_noun": (
        r"salariés|salaries|employés|employes|personnes|emplois|collaborateurs|ouvriers|"
        r"travailleurs|personnes travaillent|postes|agents|opérateurs|effectifs"
    ),
    "workforce_bad": (
        r"créa\w*|crée\w*|creer\w*|créer|recrut\w*|embauch\w*|suppress\w*|supprim\w*|"
        r"licenci\w*|ambitionne|objectif|à terme|prévus?|prévues?|pourrai\w*|creerai\w*|"
        r"sous-traitants|supplémentaires|jusqu'à \d|dans les années|accueillir|d'ici|"
        r"réunis|rassemblés|manifesté|manifestaient|en grève|grévistes|devant quelque|devant \d|dans le monde|à travers le monde|au niveau mondial|"
        r"réservations?|précommandes?|visiteurs|clients|acheteurs|formée?s?"
    ),
    # staff of other companies, after the count ("15 000 personnes, sous-traitants compris")
    "workforce_partners": r"sous-traitants|prestataires|fournisseurs",
    # a capacity stated as the start of a growth ("doubler la production : de N à M par an")
    "capacity_growth": (
        r"doubl\w*|tripl\w*|augment\w*|port\w* de|hausse|relev\w*|accro[iî]\w*|"
        r"agrandi\w*|extension|passer de|passera de|passe de"
    ),
    "growth_from": r"de|d'|depuis",
    "growth_to": r"à|jusqu'à",
    # a count whose noun is a pronoun's antecedent ("ils n'étaient plus que 2 085")
    "workforce_pronoun": (
        r"(?:ils|elles) (?:ne |n')?(?:sont|étaient|seront|restent|restaient|seraient)"
        r"(?: (?:plus que|que|encore|désormais|aujourd'hui|environ|près de|quelque|à peine))*"
    ),
    "workforce_verb": (
        r"emploi\w*|compt\w*|travaill\w*|réuni\w*|rejoign\w*|maintenus|conservés|"
        r"n'étaient plus que|étaient|sont employés|fait travailler|effectif"
    ),
    "invest_cue": (
        r"invest\w*|consacr\w*|injecte\w*|dépens\w*|mobilis\w*|financ\w*|débours\w*|"
        r"usine de|site de|projet de|enveloppe|engag\w*|débloqu\w*|allou\w*"
    ),
    "invest_bad": (
        r"capital|participation|actions|provisionn\w*|subvention\w*|aides?|prix|coûte|"
        r"vendue?|chiffre d'affaires|bénéfice|perte|amende|économies|rachat de|"
        r"la presse|selon la presse|l'évalue|l'estime"
    ),
    # an amount that is a whole programme a share is taken from ("sur les 10 milliards
    # d'euros du plan …, 3 milliards sont consacrés …"): before it, then after it
    "invest_total_before": r"sur les|parmi les|sur une enveloppe (?:globale )?de",
    "invest_total_after": r"du plan|du programme|de son plan|de son programme",
    # a hedge word that only points back to the source just named
    "hedge_sourced": r"(?!x)x",
    # the conditional of a reported future ("La direction a annoncé que les chaînes seraient
    # mises à l'arrêt"): after the company's own announcement it is no hedge
    "hedge_reported": r"serait|seraient|aurait|auraient",
    "reporting_that": (
        r"(?:a|ont|avait|avaient) (?:\w+ ){0,4}?(?:annoncé|indiqué|précisé|confirmé|assuré|"
        r"expliqué|fait savoir|informé|prévenu|averti|décidé|notifié)(?: \S+){0,12}? (?:que|qu')"
    ),
    "condition": r"si|s'il|s'ils|au cas où|à condition",
    "hedge_source": r"selon|d'après|rumeurs?|sources?",
    "ceo": (
        r"pdg|p\.-d\.g\.|président[- ]directeur général|directeur général|directrice générale|"
        r"présidente? du directoire|fondat(?:eur|rice) et (?:pdg|patron(?:ne)?|dirigeant)|"
        r"ceo|patron|patronne|dirigeant|dirigeante|directeur exécutif|chief executive|numéro un|"
        r"administrat(?:eur|rice) délégué(?:e)?"
    ),
    "chairman": r"président du conseil d'administration|président du conseil|(?<!vice-)(?<!vice )présidente?|chairman|chair",
    "plant_manager": (
        r"(?:directeur|directrice|patron|patronne|responsable) (?:de l'usine|du site|d'usine|"
        r"du centre|de l'atelier|de l'établissement|du complexe)|"
        r"chef d'usine|chef du site"
    ),
    "workforce_collective": r"effectifs?",
    "workforce_verb_before": r"emploie|emploient|employait|employaient",
    # the head of a title; its complement ("mondial de la qualité") is read by the rules
    "other_role": r"directeur|directrice|responsable|vice[- ]présidente?",
    # a title that was held ("ancien PDG", "l'ex-patron"): no current executive
    "former_title": r"ancien|ancienne|ex",
    "not_exec": (
        r"ministre|maire|sous-préfet|préfet|député|sénateur|syndicat|syndical|porte-parole|"
        r"président de (?:la )?région|président américain|président de la république|chancelier|"
        r"analyste|journaliste|(?<!administrateur )(?<!administratrice )délégué"
    ),
    "agreement": (
        r"accord|accords|signé\w*|signature|contrat|convention|coentreprise|co-entreprise|"
        r"joint-venture|joint venture|partenariat signé|fondée par|créée par|droits exclusifs|"
        r"alliance|protocole d'accord|l'acte transférant|acte de transfert|partenariat|"
        r"fusion avec|fusion entre"
    ),
    # a government as the party of an agreement ("le gouvernement turc", "gouvernement de l'Inde")
    "government": r"gouvernement",
    "agreement_bad": r"pourparlers|discussions|négociations|en vue d|actionnaires|s'est associé",
    "opened": (
        r"ouverte en|ouvert en|ouverture en|inaugur\w*|depuis son ouverture|mise en service|a ouvert|"
        r"depuis l'ouverture d[eu] (?:l'|la |le )?(?:usine|site)|"
        r"a été inaugurée?|est entrée? en service"
    ),
    "status_future": (
        r"sera|seront|doit|doivent|devra|devrait|devraient|prévue?s?|va|vont|"
        r"\w{3,}(?:era|eront|ira|iront)"
    ),
    "construction": (
        r"premi[èe]re pierre|début des travaux|travaux de construction|en construction|reprise des travaux|a repris les travaux|les travaux ont repris|"
        r"en cours de construction|pos[ée]e? la premi[èe]re pierre|"
        r"construction d[eu'] .{0,60}?(?:a débuté|a commencé|a démarré|débute|commence|"
        r"a été lancée|est lancée)|"
        r"(?:a |ont )?(?:lancé|lance|entamé|entame|démarré|démarre|commencé) (?:la|les) (?:construction|travaux) d[eu']|"
        r"construit une (?:nouvelle )?usine|en train de construire|chantier de (?:l'usine|l’usine|la future usine)"
    ),
    "plant_planned": (
        r"doit ouvrir|ouvrira|devrait ouvrir|ouverture prévue|entrera en service|début des opérations|opérationnel\w*|"
        r"va construire une (?:nouvelle )?usine|construira une (?:nouvelle )?usine|projet d'usine|projet d’usine"
    ),
    "closing": (
        r"sera (?:pour sa part )?fermée?|fermera|va fermer|fermeture prévue|sera fermé|"
        r"cessera (?:sa production|ses activités)|arrêtera (?:sa production|ses activités)|"
        r"fermeture de (?:l'usine|l’usine|son usine|ce site|du site)|fermera ses portes|va fermer ses portes"
    ),
    "closed": (
        r"a fermé|fermée? définitivement|a été fermée?|a cessé ses activités|"
        r"a fermé ses portes|fermée depuis"
    ),
    "sold": r"rach[eè]t\w*|rachat d[eu]|reprise d[eu]|cèd\w*|cédée?|cession d[eu]|transférant|acte de transfert|acqu[ié]\w*",
    "sold_bad": r"met en vente|mettre en vente|à vendre|se séparer|compte se séparer|comptait se séparer|en vue d'une reprise",
    "plant_paused": (
        r"à l'arrêt|mise? à l'arrêt|suspendu\w*|suspendre|suspendra|en pause|gelé\w*|"
        r"(?:cha[iî]nes|lignes|usines?|sites?) (?:seront|sera|sont|est|ont été|a été) (?:\w+ )?arrêtée?s?|"
        r"chômage technique|arrêt de la production|production (?:est |a été )?interrompue|"
        r"n'(?:a|ont|avait|avaient) (?:produit|assemblé|fabriqué) aucun(?:e)? (?:voiture|véhicule)"
    ),
    "operating": (
        r"tourne à nouveau|reprise de la production|fonctionne de nouveau|"
        r"(?:tourn\w*|fonctionn\w*|continu\w*|se poursui\w*) (?:de (?:tourner|fonctionner) )?normalement|"
        r"(?:se poursui\w*|continu\w*) sans interruption"
    ),
    "start_cue": r"à partir d[eu']|dès|depuis|début|lancement|démarr\w*|commenc\w*|entrer|entrera|mise en production",
    "end_cue": r"jusqu'(?:à|en|au)|fin|arrêt\w*|stopp\w*|dernière|pris fin|cess\w*",
    "export": r"export\w*|destinés? (?:au|à l')|pour le marché|marché",
    "sales_only": r"commercialis\w*|mise sur le marché|livraisons?|mis en vente|en vente|vendue?s?|immatricul\w*|sur les routes|commandes",
    "past": r"\b(?:a|ont|avait|avaient|est|sont)\s+(?:\w+\s+){0,2}(?:vu|été|eu|fait|posé|lancé|démarré|commencé|ouvert|signé|annoncé|\w+é)\b|\b(?!aurai)\w+(?<![ed]r)(?:ait|aient)\b",
    "iconic": r"modèles emblématiques|modèles mythiques|modèles légendaires|modèles historiques",
    "history": r"il y a \d+ ans|dans les années|historique",
    "continues": (
        r"actuellement|continue\w*|toujours|poursui\w*|reste\w* produite?s?|encore produite?s?|déjà|"
        r"rester\w* en (?:production|fabrication)|restera en (?:production|fabrication)"
    ),
    "model_anaphor": (
        r"(?:la|cette|de la|à la) (?:voiture|citadine|berline|compacte|familiale)|"
        r"(?:le|ce|du|au) (?:modèle|véhicule|suv|4x4|tout-terrain|crossover|pick-up|monospace)|"
        r"l'utilitaire|de l'utilitaire"
    ),
    "except": r"sauf|à l'exception d[eu']|hormis|excepté|hors|en dehors d[eu']",
    "component": (
        r"châssis|chassis|moteurs?|batteries|pièces|composants|boîtes de vitesses|carrosseries|"
        r"coques|monocoques|sièges|essieux"
    ),
    "hq": r"basée? à|siège|siégeant|dont le siège",
    "revised": (
        r"finalement|désormais|dorénavant|maintenant|à présent|au plus tard|plutôt|en fin de compte|"
        # "qui devait démarrer fin 2025, ne sortira des chaînes qu'en 2026": only then
        r"ne \w+(?: \S+){0,4}? qu'(?:en|à|au)"
    ),
    "year_of": r"(?:l')?année où|(?:l')?année au cours de laquelle|(?:l')?an où|date à laquelle",
    "no_longer": (
        r"n'(?:y |en )?(?:est|sont|était|étaient|sera|seront|serait|a|ont|sort|sortent)\s+plus|"
        r"ne (?:s'y |y |l'y |les y )?(?:\w+ )?plus (?:\w+ )?(?:fabriqu|produi|assembl|construi|montée?s?)\w*|"
        r"a tiré sa révérence"
    ),
    "unconfirmed": (
        r"n'a (?:\w+ ){0,3}pas (?:confirmé|commenté) (?:les|ces|cette|l') ?(?:informations?|rumeurs?|articles?)|"
        r"sans confirmer (?:les|ces) informations"
    ),
    "unveiled": r"dévoil\w*|présent\w*|expos\w*|a montré|montrait|révél\w*|en première mondiale",
    # the first cars off the line: their date is the start of production
    "first_units": r"premi(?:er|ère|ers|ères) (?:\w+ ){0,2}(?:exemplaires?|véhicules?|voitures?|unités?|clients?)",
    # a model that comes next on the lines just told of ("The X will follow in Q1")
    "follows": r"suivra|suivront|lui succédera|prendra le relais",
}
