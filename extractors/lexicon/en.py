"""English lexical classes (regular-expression fragments; see extractors.lexicon)."""

from __future__ import annotations

_WORD = r"(?!(?:in|for|at|of|and|with|said|says|told|who|was|is|has|will|the|to)\b)(?-i:[a-z&-]+)"
_FUNCTION = _WORD + r"(?: " + _WORD + r")?(?: (?:in|for) (?-i:[A-Z][a-z]+(?: [A-Z][a-z]+)?))?"

LEXICON: dict[str, str] = {
    "produce": (
        r"produc\w*(?!-ready|-spec|-intent| (?:form|version|car|model|prototype|\d+ ?(?:bhp|hp|kw|nm)\b))|"
        r"build\w*|built|assembl\w*|manufactur\w*|make|makes|making|"
        r"made(?! (?:its|their|a) (?:\w+ )?(?:debut|premiere|appearance|entrance))|"
        r"roll\w* (?:out|off)|turn out|output|in production(?!-)|into production(?!-)|leave the \w+ line|"
        r"take over from|replac\w*|succeed\w*|slip\w*|delay\w*|push\w* back|postpon\w*|"
        r"will stay in|will remain in|stays in|remains in|"
        r"only (?:car |vehicle )?model (?:built |made |produced )?(?:at|in) the (?:plant|factory)|(?:plant|factory)'s only model"
    ),
    "plant_noun": (
        r"plants?|factory|factories|facility|facilities|site|complex|assembly complex|"
        r"gigafactory|giga|metaplant|works|assembly plant|manufacturing plant|operations|"
        r"production cent(?:re|er)|manufacturing cent(?:re|er)|vehicle cent(?:re|er)|assembly cent(?:re|er)"
    ),
    "plant_anaphor": (
        r"the plant|the factory|the facility|the site|the complex|the metaplant|this plant|"
        r"its plant|our plant|our factory|there|the line|the lines|its lines|the same site"
    ),
    "future": (
        r"will|shall|'ll|is to|are to|scheduled|plans?|planned|planning|expected|expects|due|"
        r"set to|going to|from|is slated|slated|supposed to|aims?|target\w*|later this year|"
        r"intends?|is being (?:equipped|retooled|prepared)|would begin|to follow|next|"
        r"delay\w*|push\w* back|pushed|postpon\w*|slip\w*|moved back|no earlier than|"
        r"will not \w+ (?:out of )?.{0,40}before|was supposed to"
    ),
    "start": (
        r"start\w*|begin\w*|began|begun|launch\w*|enter\w* production|go into production|"
        r"gone into production|commenc\w*|open\w*|kick\w* off|ramp\w* up|follow"
    ),
    "started": (
        r"has entered production|have entered production|has gone into production|"
        r"went into production|started building|started producing|started production|"
        r"began production|began building|began initial production|has started|have started|"
        r"started|is now in production|now in production|already being built|first .{0,30}to leave|"
        r"recently started|rolled off|production (?:began|started|commenced|got under way)|"
        r"(?:began|started|commenced) (?:series |volume |serial )?(?:production|manufacturing|assembly)|"
        r"(?:production|assembly) of (?:\S+ ){1,6}?(?:began|commenced|got under way)"
    ),
    "ongoing": (
        r"currently|already|still|existing|continues?|go on|keep|keeps|now|builds|makes|produces|"
        r"assembles|is made|are made|is built|are built|are assembled|is assembled|is produced|"
        r"are produced|working flat out|full capacity|for now|lists|has been built"
    ),
    "ended": (
        r"ends?(?! of (?:the )?(?:year|\d{4}|this|next|20\d\d|19\d\d|january|february|march|april|may|june|"
        r"july|august|september|october|november|december|the (?:first|second|third|fourth)))|"
        r"ended|ending|stopped|stop\w*|ceas\w*|discontinu\w*|dropped|end of production|"
        r"out of production|last \w+ (?:off|to leave)|until(?! now| recently| today)|wound down|phas\w* out"
    ),
    "cancelled": r"cancel\w*|scrap\w*|abandon\w*|shelv\w*|axed|kill\w* (?:off )?(?:the|its) plans?",
    "paused": r"paus\w*|halt\w*|idl\w*|suspend\w*|on hold|sit idle|shut down temporarily",
    "resumed": r"resum\w*|restart\w*|back to full",
    "move": r"mov\w*|shift\w*|transfer\w*|relocat\w*|left|leav\w*|take over from|replac\w*",
    "hedge": (
        r"consider\w*|could|might|reportedly|rumou?r\w*|possibly|not final|"
        r"is weighing|weighs|mulling|speculat\w*|sources? familiar|"
        r"according to (?:people|sources|a person)|unconfirmed|among the options|shortlist\w*|candidates?|"
        r"declined to comment|would not comment|(?:did|has|have) not confirmed|not (?:yet )?confirmed|"
        r"according to (?:media |press |news )?reports|reports say|media reports|"
        r"denied|denies|dismissed (?:a |the |those |these )?reports?|rejected (?:a |the )?reports?"
    ),
    "negation": r"not|\w+n[’']t|no longer|never|no\b|none",
    "former": (
        r"originally|original plan|under the (?:original|previous) (?:plan|schedule)|was to|were to|"
        r"had been|initially|previously|earlier plan|formerly|first planned|was supposed to become"
    ),
    "capacity_cue": (
        r"capacity|capable of|able to|as many as|up to|target is|turn out|full capacity|"
        r"can (?:build|make|produce|assemble|turn out)|designed to|designed for|at full (?:speed|rate|output)|"
        r"when fully ramped up|at full production"
    ),
    "per_year": r"a year|per year|per annum|annual|annually|each year|every year|/year|yearly",
    "per_day": r"a day|per day|daily|a week|per week|a month|per month",
    "vehicle_unit": r"vehicles|cars|units|trucks|evs|suvs|pickups|vans|models",
    "workforce_noun": (
        r"employees|workers|people|jobs|staff|employes|workforce|hourly workers|team members|"
        r"associates|staffers"
    ),
    "workforce_bad": (
        r"creat\w*|add\w*|hir\w*|cut\w*|lay\w*off|layoffs?|expected|will have|target|goal|"
        r"could|would|thousands|potential|support|up to \d|new jobs|eliminat\w*|keep assembling|"
        r"will keep(?! \w+ing)|gathered|rallied|marched|protested|on strike|walked out|worldwide|globally|group-wide|company-wide|"
        r"reservations?|pre-?orders?|visitors|customers|buyers|signed up|placed|booked|trained"
    ),
    # staff of other companies, after the count ("15,000 people including suppliers")
    "workforce_partners": r"suppliers|subcontractors|supplier (?:staff|employees|workers)",
    "capacity_growth": (
        r"doubl\w*|tripl\w*|increas\w*|rais\w*|lift\w*|expand\w*|boost\w*|grow\w*|"
        r"expansion|go(?:es|ing)? from"
    ),
    "growth_from": r"from",
    "growth_to": r"to|up to",
    "workforce_pronoun": (
        r"they (?:are|were|number|numbered|totalled|totaled)"
        r"(?: (?:now|only|just|still|about|around|nearly|some|fewer than|under))*"
    ),
    "workforce_verb": r"employ\w*|has|have|lists|work\w*|preserv\w*|staff\w*|headcount",
    "invest_cue": (
        r"invest\w*|spend\w*|spent|outlay|for(?= (?:C|CA|US|A)?\$| €| £)|facility|factory|"
        r"gigafactory|plant|metaplant|commit\w*|earmark\w*|pour\w*|allocat\w*"
    ),
    "invest_bad": (
        r"incentives?|subsid\w*|tax credits?|tax breaks?|grant\w*|stakes?|shares|equity|"
        r"price\w*|cost[s]? to buy|sales|revenues?|profits?|loss(?:es)?|fines?|savings|"
        r"market value|valuation|reportedly|each|loans?|press estimates?|analysts? estimate\w*|"
        r"estimated by|"
        r"in U\.?S\.? plants|in plants|across|sold|bought|acquir\w*|purchas\w*|buy\w*"
    ),
    # an amount that is a whole programme a share is taken from ("of the $10 billion plan,
    # $3 billion go to …"): before it, then after it
    "invest_total_before": r"out of (?:the|its|a|their)",
    "invest_total_after": r"of the (?:plan|programme|program)",
    # a hedge word that only points back to the source just named
    "hedge_sourced": r"(?!x)x",
    "ceo": (
        r"chief executive officer|chief executive|ceo|president and ceo|president & ceo|"
        r"chair(?:man|woman) of the (?:management|executive) board|founder and (?:chief executive(?: officer)?|ceo|boss|chief)|"
        r"president and chief executive(?: officer)?|managing director|boss|head|"
        r"general manager(?! (?:of|for) (?-i:[a-z]))|"
        r"chief(?= (?-i:[A-Z][a-z]+ [A-Z]))"
    ),
    "chairman": (
        r"executive chair(?:man|woman)?|chair(?:man|woman|person)?|chair of the board|"
        r"(?<!vice )(?<!vice-)president"
    ),
    "plant_manager": (
        r"plant manager|plant director|factory manager|site director|plant chief|plant boss|"
        r"factory boss|plant head|site manager|"
        r"plant general manager|head of the (?:plant|factory|site)|"
        r"general manager of (?:the |its )?(?:[\w&.-]+ ){0,3}(?:assembly )?(?:plant|factory|facility)"
    ),
    "workforce_collective": r"workforce|headcount|staff",
    # a verb whose object is the count itself ("the plant employs 9,400 and builds …")
    "workforce_verb_before": r"employs|employing|employed|currently employs",
    # a function is one or two lower-case words ("of manufacturing", "of global purchasing")
    # and an optional place ("in Europe"), never the verb or preposition that follows
    "other_role": (
        r"chief (?:financial|operating|technology|technical) officer|cfo|coo|cto|finance chief|"
        r"(?:senior |executive )?vice president(?: (?:of|for) (?:the )?" + _FUNCTION + r")?|"
        r"board member for " + _FUNCTION + r"|head of (?:the )?" + _FUNCTION + r"|"
        # "member of the Board of Management of BMW AG responsible for Production"
        r"member of the (?:board of management|management board|executive board)"
        r"(?: of (?-i:[A-Z][\w&.-]*)(?: (?-i:[A-Z][\w&.-]*)){0,2})?,? (?:responsible )?for "
        r"(?-i:[A-Za-z]+)(?: and (?-i:[A-Za-z]+))?"
    ),
    # a title that was held ("former CEO", "ex-CEO"): no current executive
    "former_title": r"former|ex|erstwhile",
    "not_exec": (
        r"governor|premier|minister|mayor|senator|president donald|president joe|president biden|"
        r"president trump|union|unifor|uaw|united auto workers|spokes\w*|analyst|national president|"
        r"speaking for|secretary"
    ),
    "agreement": (
        r"agreement|agreed|deal|contract|signed|signing|joint venture|partnership with|"
        r"partner for|partner is|'s partner|memorandum|exclusive rights|teamed up|alliance|"
        r"combination with|merger with|merger agreement|agreed to merge"
    ),
    # a government as the party of an agreement ("the Saudi government", "government of India")
    "government": r"government|administration",
    "agreement_bad": r"talks|negotiat\w*|discuss\w*|trade pact|usmca|nafta|treaty|some years ago",
    "opened": (
        r"grand opening took place|opened|inaugurat\w*|officially opened|opening ceremony took place|"
        r"began operations|started operations|came on stream"
    ),
    "construction": (
        r"broke ground|break ground|broken ground|breaks ground|breaking ground|groundbreaking|"
        r"(?:launched|launches|kicked off|kicks off|commenced|commences|began|begins|started|starts) "
        r"(?:the )?construction (?:of|on)|"
        r"started building|began building|began construction|started construction|resumed construction|restarted construction|construction (?:has )?resumed|"
        r"under construction|construction (?:of|on) .{0,60}?(?:began|started|has begun|"
        r"is under way|got under way|is underway)|"
        r"construction (?:began|started|is under way|is underway|work)|is building (?:a|its) (?:new )?(?:\w+ )?(?:plant|factory)"
    ),
    "status_future": (
        r"will|shall|is to|are to|set to|due to|expected to|scheduled to|planned|plans to"
    ),
    "plant_planned": (
        r"expected to become operational|to become operational|will open|to open|set to open|due to open|will (?:now )?not open before|opening (?:is )?(?:planned|scheduled)|"
        r"will build (?:a|its) (?:new )?(?:\w+ ){0,2}(?:plant|factory)|plans to build (?:a|its) (?:new )?(?:\w+ ){0,2}(?:plant|factory)|"
        r"(?:expected|set|due|scheduled) to (?:begin|start) operations"
    ),
    "closing": (
        r"will (?:then |eventually |finally |also )?close|to close|set to close|closure planned|will be closed|to shut|"
        r"will shut|plans to close|closure of (?:the|its) (?:\w+ )?(?:plant|factory)|will cease operations|"
        r"will (?:stop|end|cease) (?:all )?(?:vehicle|car) production at|"
        r"will (?:stop|cease) (?:building|making|producing|assembling) (?:vehicles|cars)"
    ),
    "closed": (
        r"closed|shut down for good|closed its doors|"
        r"shut down|closed down|ceased operations|was closed"
    ),
    "sold": r"sold (?:the|its)|acquired|bought|takes over|took over|(?:acquisition|takeover|purchase) of",
    "sold_bad": (
        r"for sale|to sell|could sell|might sell|would sell|(?:planned|proposed|possible|potential) "
        r"(?:acquisition|takeover|purchase)|"
        r"takes? over (?:its|their|the) place|takes? over from|took over from|"
        r"takes? over as|took over as|will take over as|take the helm|takes the helm"
    ),
    "plant_paused": (
        r"on hold|paused|be paused|will be paused|sit idle|idled|idle|halted|suspended|will halt|to halt|"
        r"mothball\w*|will pause|to pause|will idle|to idle|shut down temporarily|"
        r"temporarily (?:closed|shut)|goes down for retooling|go down for retooling|down for retooling|"
        r"(?:idled|shut down|closed) for retooling|"
        r"(?:have|has|had) (?:built|produced|made|assembled) no (?:cars|vehicles|trucks)"
    ),
    "operating": (
        r"back to full|fully operational again|resumed full|"
        r"(?:continued|continues|continue|has continued|running|runs|ran|operating) (?:as normal|normally)"
    ),
    "start_cue": r"from|starting|start\w*|begin\w*|began|launch\w*|enter\w*|since|follow",
    "end_cue": r"until|through|end\w*|stop\w*|ceas\w*|dropped|last|out of production",
    "export": r"export\w*|customers in|for the \w+ market|destined for|for customers",
    "sales_only": r"deliver\w*|on the road|sales|sold|orders|buyers|available to buy|on sale",
    "past": r"\b(?:was|were|had|did|broke|began|started|opened|said|announced|\w+ed)\b",
    "iconic": r"iconic models|legendary models|historic models|classic models",
    "history": r"years ago|in the 19\d0s|history",
    "continues": r"will stay in|will remain in|stays in|remains in|currently|continu\w*|go on|goes on|keep\w*|still|remain\w*|already",
    "model_anaphor": (
        r"the (?:car|model|vehicle|suv|ev|pickup|pick-up|truck|crossover|sedan|van|hatchback|minivan)"
    ),
    "except": r"apart from|except|excluding|other than|but not|outside",
    "component": (
        r"chassis|engines?|batteries|battery packs|packs|parts|components|transmissions|bodies|cells|"
        r"tubs|monocoques|body panels|seats|axles"
    ),
    "hq": r"based in|headquartered in|headquarters|head office",
    "revised": r"now|instead|finally|eventually|at the latest|has been (?:moved|pushed) to|rather",
    "year_of": r"the year (?:in which|when|that)|a year (?:in which|when)",
    "no_longer": (
        r"no longer|not (?:\w+ )?(?:any ?more|any longer)|went out of production|"
        r"has gone out of production|is out of production"
    ),
    "unconfirmed": (
        r"(?:declined|refused|would not|did not want) to (?:comment on|confirm) (?:the |those |these |such )?reports?|"
        r"(?:did|has|have) not confirmed (?:the |those |these |such )?reports?"
    ),
    "unveiled": r"unveil\w*|showcas\w*|showed|shows|displayed|debut\w*|premier\w*|revealed|on show|on display",
    # the first cars off the line: their date is the start of production
    "first_units": r"first (?:\w+ ){0,2}(?:vehicles?|cars?|units?|trucks?|suvs?|examples?)",
    # a model that comes next on the lines just told of ("The X will follow in Q1")
    "follows": r"will follow|is to follow|are to follow|follows? later|will join it|will be next",
}
