<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../elsdesk/gui/agreement_view.py" line="23"/>
        <source>%1 % av %2</source>
        <translation>%1% of %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/agreement_view.py" line="38"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/agreement_view.py" line="38"/>
        <source>Superanvändare eniga</source>
        <translation>Super-users agree</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/agreement_view.py" line="38"/>
        <source>Modellen hade rätt</source>
        <translation>Model was right</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/agreement_view.py" line="47"/>
        <source>– betyder för lite att räkna på ännu: inget ärende i modulen har granskats av två superanvändare, eller inget beslut hade ett förslag från modellen.</source>
        <translation>– means too little to count on yet: no ticket in the module was reviewed by two super-users, or no decision had a suggestion from the model.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/agreement_view.py" line="55"/>
        <source>Oenigheter (olika moduler från olika superanvändare)</source>
        <translation>Disagreements (different modules from different super-users)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/agreement_view.py" line="59"/>
        <source>Eniga superanvändare: %1 · Modellens förslag behölls: %2</source>
        <translation>Super-users in agreement: %1 · Model&apos;s suggestion kept: %2</translation>
    </message>
</context>
<context>
    <name>ConfidenceBand</name>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="23"/>
        <source>Hög</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="23"/>
        <source>Medel</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="24"/>
        <source>Låg</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="42"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>CoveredDayDialog</name>
    <message>
        <location filename="../../elsdesk/gui/covered_day_dialog.py" line="1"/>
        <source>Genomgånget på utbildning</source>
        <translation>Covered in training</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/covered_day_dialog.py" line="1"/>
        <source>Vilken dag gick utbildningen igenom %1 från vecka %2?</source>
        <translation>On which day did the training cover %1 from week %2?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/covered_day_dialog.py" line="1"/>
        <source>&amp;Dag:</source>
        <translation>&amp;Day:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/covered_day_dialog.py" line="1"/>
        <source>Markera genomgånget</source>
        <translation>Mark as covered</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/covered_day_dialog.py" line="1"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DeskConnection</name>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="25"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DeskLocationDialog</name>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="39"/>
        <source>Var finns desken?</source>
        <translation>Where is the desk?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="40"/>
        <source>Välj var ärendena sparas. En ensam arbetsplats kan använda den här datorn; en hel ELS-desk delar regionens server så att alla ser varandras ärenden.</source>
        <translation>Choose where the tickets are kept. A single workstation can use this computer; a whole ELS desk shares the region&apos;s server so that everyone sees each other&apos;s tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="43"/>
        <source>&amp;Den här datorn</source>
        <translation>&amp;This computer</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="45"/>
        <source>&amp;Regionens server</source>
        <translation>The &amp;region&apos;s server</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="49"/>
        <source>service=elsdesk eller postgresql://server.region.se/elsdesk</source>
        <translation>service=elsdesk or postgresql://server.region.se/elsdesk</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="50"/>
        <source>Adressen får du av IT. Lösenord sparas aldrig i inställningarna.</source>
        <translation>IT gives you the address. Passwords are never kept in the settings.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="61"/>
        <source>Fortsätt</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>ExportTarget</name>
    <message>
        <location filename="../../elsdesk/gui/export_target.py" line="34"/>
        <source>Skriva över filen?</source>
        <translation>Overwrite the file?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/export_target.py" line="35"/>
        <source>%1 finns redan. Vill du skriva över den?</source>
        <translation>%1 already exists. Do you want to overwrite it?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/export_target.py" line="38"/>
        <source>Skriv över</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/export_target.py" line="39"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="24"/>
        <source>Sök i ärenden (Ctrl+F) – början av ord räcker, t.ex. signer</source>
        <translation>Search tickets (Ctrl+F) – the start of a word is enough, e.g. signer</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="26"/>
        <source>Alla statusar</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="27"/>
        <source>Alla moduler</source>
        <translation>All modules</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="28"/>
        <source>(ej klassad)</source>
        <translation>(not classified)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="29"/>
        <source>Alla typer</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="30"/>
        <location filename="../../elsdesk/gui/filter_bar.py" line="77"/>
        <source>Alla veckor</source>
        <translation>All weeks</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="31"/>
        <source>Sök i ärenden</source>
        <translation>Search tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="31"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="32"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="32"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="33"/>
        <source>Vecka</source>
        <translation>Week</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="38"/>
        <location filename="../../elsdesk/gui/filter_bar.py" line="99"/>
        <source>Visa alla ärenden igen</source>
        <translation>Show all tickets again</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="42"/>
        <source>Rensa</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="43"/>
        <source>Rensa alla filter</source>
        <translation>Clear all filters</translation>
    </message>
</context>
<context>
    <name>GettingStartedDialog</name>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="173"/>
        <source>Kom igång</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="181"/>
        <source>Roll:</source>
        <translation>Role:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="183"/>
        <source>Tryck F1 i en vy för dess kortkommandon.</source>
        <translation>Press F1 in a view for its keyboard shortcuts.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="186"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="21"/>
        <source>Ärenden</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="22"/>
        <source>Ärendeformuläret</source>
        <translation>Ticket form</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="23"/>
        <source>Granskning</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="24"/>
        <source>Utbildning</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="27"/>
        <source>Nytt ärende</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="28"/>
        <source>Sök i ärenden</source>
        <translation>Search tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="29"/>
        <source>Importera ärenden från fil</source>
        <translation>Import tickets from a file</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="30"/>
        <source>Uppdatera listan</source>
        <translation>Refresh the list</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="31"/>
        <source>Nästa flik</source>
        <translation>Next tab</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="32"/>
        <source>Föregående flik</source>
        <translation>Previous tab</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="33"/>
        <source>Träna om modellen (superanvändare)</source>
        <translation>Retrain the model (super-user)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="34"/>
        <source>Exportera veckans agenda (utbildningsansvarig)</source>
        <translation>Export the week&apos;s agenda (training lead)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="35"/>
        <source>Den här översikten</source>
        <translation>This overview</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="36"/>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="40"/>
        <source>Flytta i listan; detaljerna visas till höger</source>
        <translation>Move in the list; the details show on the right</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="41"/>
        <source>Öppna det markerade ärendet</source>
        <translation>Open the selected ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="42"/>
        <source>Ta bort ett ärende som loggats av misstag (superanvändare; frågar först)</source>
        <translation>Remove a ticket logged by mistake (super-users; asks first)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="43"/>
        <source>Sök: skriv början av orden, t.ex. signer; flera ord hittar ärenden med alla</source>
        <translation>Search: type the beginnings of words, e.g. signer; several words find tickets with all of them</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="44"/>
        <source>↓ / Enter i sökrutan</source>
        <translation>↓ / Enter in the search box</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="44"/>
        <source>Gå till första träffen i listan</source>
        <translation>Go to the first result in the list</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="45"/>
        <source>Töm sökrutan (när den har fokus)</source>
        <translation>Clear the search box (when it has focus)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="46"/>
        <source>Alt+V › Sortera efter</source>
        <translation>Alt+V › Sort by</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="46"/>
        <source>Sortera listan efter en kolumn; samma kolumn igen vänder ordningen</source>
        <translation>Sort the list by a column; the same column again reverses the order</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="47"/>
        <source>Klick på kolumnrubrik</source>
        <translation>Click on a column header</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="47"/>
        <source>Sortera efter kolumnen</source>
        <translation>Sort by that column</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="50"/>
        <source>Spara ärendet</source>
        <translation>Save the ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="51"/>
        <source>Stäng; med osparad text frågar formuläret först (fortsätt, behåll som utkast eller kasta)</source>
        <translation>Close; with unsaved text the form asks first (keep writing, keep as draft or discard)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="52"/>
        <source>Ta modulförslag 1, 2 eller 3</source>
        <translation>Take module suggestion 1, 2 or 3</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="53"/>
        <source>Ta typförslaget</source>
        <translation>Take the type suggestion</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="54"/>
        <source>Till liknande tidigare ärenden; pilarna visar varje ärendes hela lösning under listan, Esc tillbaka till beskrivningen</source>
        <translation>To similar earlier tickets; the arrows show each ticket&apos;s whole resolution below the list, Esc back to the description</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="55"/>
        <source>Nästa / föregående fält</source>
        <translation>Next / previous field</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="56"/>
        <source>Bokstäver i en lista</source>
        <translation>Letters in a drop-down</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="56"/>
        <source>Hoppa till det val som börjar så</source>
        <translation>Jump to the choice that starts that way</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="59"/>
        <source>Mellanslag</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="59"/>
        <source>Till veckan som visas; pilarna byter vecka</source>
        <translation>To the week shown; the arrow keys change the week</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="60"/>
        <source>Välj eller avvälj ämnet för agendan</source>
        <translation>Pick or unpick the topic for the agenda</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="60"/>
        <source>Byt namn på ämnet</source>
        <translation>Rename the topic</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="62"/>
        <source>Alt+V › Diagram i Utbildning</source>
        <translation>Alt+V › Charts in Training</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="62"/>
        <source>Dölj eller visa diagrammen; utan dem får ämneslistan hela höjden</source>
        <translation>Hide or show the charts; without them the topic list gets the full height</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="67"/>
        <source>Under samtalet: tryck Ctrl+N, skriv en rubrik och vad användaren beskriver.</source>
        <translation>During the call: press Ctrl+N, type a title and what the user describes.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="68"/>
        <source>Modellen föreslår modul medan du skriver: Ctrl+1 tar det översta förslaget.</source>
        <translation>The model suggests a module while you type: Ctrl+1 takes the top suggestion.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="69"/>
        <source>Liknande tidigare ärenden visas under formuläret (Alt+I); deras lösning kan ofta användas igen.</source>
        <translation>Similar earlier tickets are shown below the form (Alt+I); their resolution can often be used again.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="82"/>
        <source>Öppna fliken Utbildning och välj vecka; sätt go-live-datumet en gång så visas dagar sedan go-live (D+N). Utan det räknas dagarna från det äldsta ärendet.</source>
        <translation>Open the Training tab and pick a week; set the go-live date once and days since go-live (D+N) are shown. Without it, days are counted from the oldest ticket.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="70"/>
        <source>Sätt status, prioritet och vid behov eskalering (Cambio, regional förvaltning, IT). Ctrl+Enter sparar.</source>
        <translation>Set status, priority and, when needed, escalation (Cambio, regional management, IT). Ctrl+Enter saves.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="61"/>
        <source>Shift+pil / Ctrl+klick</source>
        <translation>Shift+arrow / Ctrl+click</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="61"/>
        <source>Markera flera ämnen (för att slå ihop dem); Ctrl+pil och Ctrl+Mellanslag markerar ett ämne längre bort</source>
        <translation>Select several topics (to merge them); Ctrl+arrow and Ctrl+Space select a topic further away</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="71"/>
        <source>Personnummer, telefonnummer och e-post ersätts automatiskt när ärendet sparas.</source>
        <translation>Personal identity numbers, phone numbers and e-mail addresses are replaced automatically when the ticket is saved.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="72"/>
        <source>Hitta ärenden med Ctrl+F och filtren ovanför listan. ⚡ betyder att flera enheter rapporterar samma sak: se menyn Incidenter.</source>
        <translation>Find tickets with Ctrl+F and the filters above the list. ⚡ means that several units report the same thing: see the Incidents menu.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="75"/>
        <source>En ny desk är tom: importera ärenden från ert tidigare system med Arkiv › Importera… (Excel, CSV, JSON), eller prova med Arkiv › Lägg in demodata…</source>
        <translation>A new desk is empty: import tickets from your earlier system with File › Import… (Excel, CSV, JSON), or try it out with File › Add demo data…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="76"/>
        <source>Öppna fliken Granskning: de ärenden modellen är minst säker på kommer först.</source>
        <translation>Open the Review tab: the tickets the model is least sure of come first.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="77"/>
        <source>Enter bekräftar förslaget, 1–3 väljer ett annat förslag, / öppnar alla moduler; bokstäverna sätter typ (raden Typ på kortet och F1 visar vilken bokstav som är vilken typ).</source>
        <translation>Enter confirms the suggestion, 1–3 picks another suggestion, / opens all modules; the letters set the type (the Type line on the card and F1 show which letter is which type).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="78"/>
        <source>Se hur liknande ärenden har klassats i listan under ärendet. Ctrl+Z ångrar ditt senaste beslut.</source>
        <translation>See how similar tickets were labelled in the list below the ticket. Ctrl+Z undoes your last decision.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="79"/>
        <source>Efter ett antal bekräftelser föreslår elsdesk att modellen tränas om; Modell › Modell och kvalitet visar hur säker den är.</source>
        <translation>After a number of confirmations elsdesk offers to retrain the model; Model › Model and quality shows how sure it is.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="83"/>
        <source>Veckans återkommande ämnen står störst först, med trend; handhavandeämnen föreslås för agendan.</source>
        <translation>The week&apos;s recurring topics are listed largest first, with their trend; how-to topics are proposed for the agenda.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="85"/>
        <source>Exportera agendan som Excel, PDF eller webbsida med Exportera…, eller en översikt för flera veckor med Period…</source>
        <translation>Export the agenda as Excel, PDF or a web page with Export…, or an overview of several weeks with Period…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="89"/>
        <source>ELS-stöd</source>
        <translation>ELS support</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="90"/>
        <source>Superanvändare</source>
        <translation>Super-user</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="91"/>
        <source>Utbildningsansvarig</source>
        <translation>Training lead</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="1"/>
        <source>Medan ärendet sparas: öppna nästa ärende när det är sparat</source>
        <translation>While the ticket saves: open the next ticket once it is saved</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="1"/>
        <source>Slå ihop de markerade ämnena</source>
        <translation>Merge the selected topics</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="1"/>
        <source>Dela ämnet i mindre ämnen</source>
        <translation>Split the topic into smaller ones</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="1"/>
        <source>Markera ämnet genomgånget på utbildning (för en äldre vecka: välj dagen), eller ta bort markeringen</source>
        <translation>Mark the topic as covered in training (for an older week: choose the day), or remove the mark</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="1"/>
        <source>Ett känt problems lösning och status</source>
        <translation>A known problem's workaround and status</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="1"/>
        <source>Godta förslaget som känt problem</source>
        <translation>Accept the proposal as a known problem</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="1"/>
        <source>Mellanslag väljer ett ämne för agendan, F2 byter namn; Ctrl+M slår ihop markerade ämnen och Ctrl+D delar ett.</source>
        <translation>Space picks a topic for the agenda, F2 renames it; Ctrl+M merges the selected topics and Ctrl+D splits one.</translation>
    </message>
</context>
<context>
    <name>Identifiers</name>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="481"/>
        <source>personnummer</source>
        <translation>personal identity number</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="482"/>
        <source>samordningsnummer</source>
        <translation>coordination number</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="483"/>
        <source>telefon</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="484"/>
        <source>e-post</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="485"/>
        <source>reservnummer</source>
        <translation>reserve number</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="486"/>
        <source>namn</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="487"/>
        <source>födelsedatum</source>
        <translation>date of birth</translation>
    </message>
</context>
<context>
    <name>IncidentActionsMixin</name>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="13"/>
        <source>Möjliga incidenter</source>
        <translation>Possible incidents</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="14"/>
        <source>Bekräftade incidenter</source>
        <translation>Confirmed incidents</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="15"/>
        <source>Avfärdade</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="39"/>
        <source>&amp;Incidenter (%1)</source>
        <translation>&amp;Incidents (%1)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="40"/>
        <source>&amp;Incidenter</source>
        <translation>&amp;Incidents</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="48"/>
        <source>Bekräftad incident: %1 (%2 ärenden från %3 enheter).</source>
        <translation>Confirmed incident: %1 (%2 tickets from %3 units).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="50"/>
        <source>Möjlig incident: %1 (%2 ärenden från %3 enheter). Flera enheter rapporterar samma sak.</source>
        <translation>Possible incident: %1 (%2 tickets from %3 units). Several units report the same thing.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="80"/>
        <source>Möjlig incident: %1 (%2 ärenden från %3 enheter).</source>
        <translation>Possible incident: %1 (%2 tickets from %3 units).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="83"/>
        <source>Och %1 till.</source>
        <translation>And %1 more.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="84"/>
        <source>Se menyn Incidenter.</source>
        <translation>See the Incidents menu.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="89"/>
        <source>Inga möjliga incidenter</source>
        <translation>No possible incidents</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="103"/>
        <source>1 ärende</source>
        <translation>1 ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="104"/>
        <source>%1 ärenden</source>
        <translation>%1 tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="108"/>
        <source>Visa ärendena tillsammans</source>
        <translation>Show the tickets together</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="110"/>
        <source>Bekräfta incident</source>
        <translation>Confirm incident</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="112"/>
        <source>Avfärda</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="114"/>
        <source>Öppna igen</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="115"/>
        <source>Enheter: %1</source>
        <translation>Units: %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="127"/>
        <source>Incident: %1</source>
        <translation>Incident: %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="100"/>
        <source>Visa alla ärenden</source>
        <translation>Show all tickets</translation>
    </message>
</context>
<context>
    <name>KnownProblemDialog</name>
    <message>
        <location filename="../../elsdesk/gui/problem_dialog.py" line="1"/>
        <source>Hur man gör tills vidare, så som det ska stå på agendan</source>
        <translation>What to do meanwhile, as the agenda should say it</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_dialog.py" line="1"/>
        <source>Ett problem som är rättat eller genomgånget på utbildning tas bort från agendorna från och med dagen ovan; agendor som redan hållits ser ut som förut.</source>
        <translation>A problem that is fixed or covered in training leaves the agendas from the day above on; agendas already held read as before.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_dialog.py" line="1"/>
        <source>Spara (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_dialog.py" line="1"/>
        <source>&amp;Namn:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_dialog.py" line="1"/>
        <source>Så &amp;gör man:</source>
        <translation>&amp;What to do:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_dialog.py" line="1"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_dialog.py" line="1"/>
        <source>Status s&amp;edan:</source>
        <translation>Status s&amp;ince:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_dialog.py" line="1"/>
        <source>&amp;Anteckning:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_dialog.py" line="1"/>
        <source>Känt problem</source>
        <translation>Known problem</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_dialog.py" line="1"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>KnownProblemLinker</name>
    <message>
        <location filename="../../elsdesk/gui/problem_linking.py" line="90"/>
        <source>Nytt känt problem</source>
        <translation>New known problem</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_linking.py" line="91"/>
        <source>Det finns inget känt problem som heter &quot;%1&quot;. Vill du skapa det och länka ärendet till det?</source>
        <translation>There is no known problem called &quot;%1&quot;. Do you want to create it and link the ticket to it?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_linking.py" line="53"/>
        <source>Inget känt problem föreslås för ärendet: L väljer ett eller namnger ett nytt.</source>
        <translation>No known problem is suggested for this ticket: L picks one or names a new one.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_linking.py" line="56"/>
        <source>Ärendet hör redan till %1.</source>
        <translation>The ticket already belongs to %1.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_linking.py" line="68"/>
        <source>(inget känt problem)</source>
        <translation>(no known problem)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_linking.py" line="73"/>
        <source>Känt problem</source>
        <translation>Known problem</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_linking.py" line="74"/>
        <source>Vilket känt problem gäller ärendet? Skriv ett nytt namn om det inte finns.</source>
        <translation>Which known problem is this ticket about? Type a new name if it is not listed.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_linking.py" line="103"/>
        <source>Ärendet hör inte längre till %1.</source>
        <translation>The ticket no longer belongs to %1.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_linking.py" line="107"/>
        <source>Länkat till %1.</source>
        <translation>Linked to %1.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_linking.py" line="110"/>
        <source>Vecka %1 räknas nu som genomgången: ärenden som lämnas okopplade där räknas som inget känt problem.</source>
        <translation>Week %1 now counts as gone through: tickets left unlinked there count as no known problem.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_linking.py" line="125"/>
        <source>Länken ångrades; ärendet hör till %1 igen.</source>
        <translation>Link undone; the ticket belongs to %1 again.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/problem_linking.py" line="126"/>
        <source>Länken ångrades; ärendet hör inte till något känt problem.</source>
        <translation>Link undone; the ticket belongs to no known problem.</translation>
    </message>
</context>
<context>
    <name>LabelHistory</name>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="47"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="47"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="56"/>
        <source>%1 %2 bekräftad av %3 i granskningen</source>
        <translation>%1 %2 confirmed by %3 in review</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="57"/>
        <source>%1 ändrad från %2 till %3 av %4 i granskningen</source>
        <translation>%1 changed from %2 to %3 by %4 in review</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="60"/>
        <source>%1 satt till %2 av %3 vid registreringen</source>
        <translation>%1 set to %2 by %3 when logging the ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="62"/>
        <source>%1 ändrad från %2 till %3 av %4 i ärendeformuläret</source>
        <translation>%1 changed from %2 to %3 by %4 in the ticket form</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="41"/>
        <source>(modellens förslag, version %1)</source>
        <translation>(the model&apos;s suggestion, version %1)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="31"/>
        <source>modellen (levererad med appen)</source>
        <translation>the model shipped with the app</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="33"/>
        <source>modellen</source>
        <translation>the model</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="34"/>
        <source>modellen (version %1)</source>
        <translation>the model (version %1)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="40"/>
        <source>(förslag från modellen som levererades med appen)</source>
        <translation>(suggested by the model shipped with the app)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="69"/>
        <source>%1 %2 bekräftad vid import</source>
        <translation>%1 %2 confirmed by import</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="70"/>
        <source>%1 %2 bekräftad vid import av %3</source>
        <translation>%1 %2 confirmed by import by %3</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="72"/>
        <source>%1 satt till %2 i demodata</source>
        <translation>%1 set to %2 in the demo data</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="74"/>
        <source>%1 satt till %2 vid import</source>
        <translation>%1 set to %2 on import</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="75"/>
        <source>%1 satt till %2 vid import av %3</source>
        <translation>%1 set to %2 on import by %3</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="52"/>
        <location filename="../../elsdesk/gui/label_history_text.py" line="77"/>
        <source>%1 satt till %2 av %3</source>
        <translation>%1 set to %2 by %3</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="53"/>
        <location filename="../../elsdesk/gui/label_history_text.py" line="78"/>
        <source>%1 ändrad från %2 till %3 av %4</source>
        <translation>%1 changed from %2 to %3 by %4</translation>
    </message>
</context>
<context>
    <name>LabelNotes</name>
    <message>
        <location filename="../../elsdesk/gui/label_notes.py" line="14"/>
        <source>Ej klassad</source>
        <translation>Not classified</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_notes.py" line="14"/>
        <source>Bekräftad modul</source>
        <translation>Confirmed module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_notes.py" line="14"/>
        <source>Satt vid registreringen eller importen, inte bekräftad av en superanvändare</source>
        <translation>Set when the ticket was logged or imported, not confirmed by a super-user</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_notes.py" line="14"/>
        <source>Satt av modellen (säkerhet %1 %), inte bekräftad av en superanvändare</source>
        <translation>Set by the model (confidence %1%), not confirmed by a super-user</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_notes.py" line="14"/>
        <source>Satt av modellen, inte bekräftad av en superanvändare</source>
        <translation>Set by the model, not confirmed by a super-user</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_notes.py" line="14"/>
        <source>Inte bekräftad av en superanvändare</source>
        <translation>Not confirmed by a super-user</translation>
    </message>
</context>
<context>
    <name>LabelSource</name>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="49"/>
        <source>bekräftad</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="50"/>
        <source>satt vid registreringen, ej granskad</source>
        <translation>set when logged, not reviewed</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="51"/>
        <source>modellens förslag</source>
        <translation>the model&apos;s suggestion</translation>
    </message>
</context>
<context>
    <name>LearningCurveView</name>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="35"/>
        <source>Andel rätt modul på nya bekräftade ärenden</source>
        <translation>Share of new confirmed tickets with the right module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="43"/>
        <source>Bekräftade etiketter som modellen lärt sig av</source>
        <translation>Confirmed labels the model learnt from</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="46"/>
        <source>Rätt modul (%)</source>
        <translation>Right module (%)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="67"/>
        <source>Varje punkt är en modellversion mätt på de nyaste bekräftade ärendena som den inte tränats på (nästan likadana ärenden borträknade); strecket visar osäkerheten (95 %). Den levererade modellen syns när den första omträningen mätt den på deskens egna ärenden.</source>
        <translation>Each point is a model version measured on the newest confirmed tickets it was not trained on (near-duplicates left out); the bar shows the uncertainty (95%). The shipped model appears once the first retrain has measured it on this desk&apos;s own tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="111"/>
        <source>Ingen punkt ännu: kurvan får sin första punkt när en omträning haft tillräckligt många nya bekräftade ärenden att mäta på.</source>
        <translation>No point yet: the curve gets its first point when a retrain has had enough new confirmed tickets to measure on.</translation>
    </message>
</context>
<context>
    <name>LikelyMistakesView</name>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="35"/>
        <source>Ärende</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="35"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="35"/>
        <source>Satt av en person</source>
        <translation>Set by a person</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="36"/>
        <source>Modellen säger</source>
        <translation>The model says</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="36"/>
        <source>Varifrån</source>
        <translation>Where from</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="38"/>
        <source>&amp;Ta modellens etikett</source>
        <translation>&amp;Take the model&apos;s label</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="40"/>
        <source>&amp;Öppna ärendet</source>
        <translation>&amp;Open the ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="46"/>
        <source>Varje ärende bedömdes av en modell som inte tränats på det. Överst står de där modellen är säkrast på att etiketten är fel; ofta en felknappning. Kontrollera innan du ändrar.</source>
        <translation>Each ticket was judged by a model that was not trained on it. At the top are those where the model is surest the label is wrong; often a slip of the key. Check before you change anything.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="86"/>
        <source>modul</source>
        <translation>module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="86"/>
        <source>typ</source>
        <translation>type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="90"/>
        <source>%1 (modellen: %2 %)</source>
        <translation>%1 (model: %2%)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="92"/>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="100"/>
        <source>Troliga felmärkningar, värst först: %1.</source>
        <translation>Likely label mistakes, worst first: %1.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="103"/>
        <source>För få märkta ärenden att kontrollera: %1 (minst %2 behövs).</source>
        <translation>Too few labelled tickets to check: %1 (at least %2 needed).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="106"/>
        <source>Inga troliga felmärkningar: modellen håller med om etiketterna på de %1 märkta ärendena.</source>
        <translation>No likely mislabels: the model agrees with the labels of the %1 labelled tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="109"/>
        <source>Inga troliga felmärkningar: modellen håller med om de etiketter personer satt (eller så finns för få etiketter att kontrollera, minst 20 behövs).</source>
        <translation>No likely label mistakes: the model agrees with the labels people set (or there are too few labels to check; at least 20 are needed).</translation>
    </message>
</context>
<context>
    <name>LongTasksMixin</name>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="26"/>
        <source>Vänta tills pågående arbete är klart.</source>
        <translation>Please wait until the current task has finished.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="73"/>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="78"/>
        <source>Importera ärenden</source>
        <translation>Import tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="122"/>
        <source>%1 kopplade till kända problem.</source>
        <translation>%1 linked to known problems.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="134"/>
        <source>rad %1: %2</source>
        <translation>row %1: %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="150"/>
        <source>… och %1 avvisade rader till (elsdesk import på kommandoraden listar alla).</source>
        <translation>… and %1 more rejected rows (elsdesk import on the command line lists them all).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="155"/>
        <source>… och %1 varningar till.</source>
        <translation>… and %1 more warnings.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="129"/>
        <source>%1 varningar (se detaljer).</source>
        <translation>Warnings: %1 (see details).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="79"/>
        <source>Ärendefiler (*.jsonl *.ndjson *.json *.csv *.tsv *.txt *.xlsx)</source>
        <translation>Ticket files (*.jsonl *.ndjson *.json *.csv *.tsv *.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="93"/>
        <source>Möjliga incidenter: %1 nya, %2 med fler ärenden; se Incidenter-menyn.</source>
        <translation>Possible incidents: %1 new, %2 with more tickets; see the Incidents menu.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="96"/>
        <source>Ärenden före %1 söktes inte igenom efter incidenter.</source>
        <translation>Tickets before %1 were not scanned for incidents.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="115"/>
        <source>Import klar: %1 nya, %2 uppdaterade, %3 oförändrade, %4 avvisade.</source>
        <translation>Import finished: %1 new, %2 updated, %3 unchanged, %4 rejected.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="119"/>
        <source>%1 identifierare (personnummer, telefonnummer …) maskerades.</source>
        <translation>%1 identifiers (personal identity numbers, phone numbers …) were masked.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="124"/>
        <source>%1 ärenden som tagits bort ur desken lästes inte in igen.</source>
        <translation>%1 tickets that were removed from the desk were not imported again.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="127"/>
        <source>%1 nya kända problem lades till.</source>
        <translation>%1 new known problems were added.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="135"/>
        <source>rad %1 (varning): %2</source>
        <translation>row %1 (warning): %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="137"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="143"/>
        <source>Importerar</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="160"/>
        <source>%1 demoärenden inlagda. De tas bort med Arkiv › Ta bort demodata.</source>
        <translation>%1 demo tickets added. Remove them with File › Remove demo data.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="165"/>
        <source>Lägger in demodata</source>
        <translation>Loading demo data</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="168"/>
        <source>Lägg in demodata</source>
        <translation>Add demo data</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="169"/>
        <source>Desken har redan %1 riktiga ärenden. Demodata är 1 200 påhittade ärenden (DEMO-00001 …) som blandas med dem i listor, granskning och utbildningsvyn.</source>
        <translation>Real tickets already in the desk: %1. Demo data is 1,200 made-up tickets (DEMO-00001 …) that mix with them in the lists, the review queue and the training view.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="172"/>
        <source>De kan tas bort igen i ett steg med Arkiv › Ta bort demodata.</source>
        <translation>They can be removed again in one step with File › Remove demo data.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="173"/>
        <source>Lägg in demodata ändå</source>
        <translation>Add demo data anyway</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="174"/>
        <location filename="../../elsdesk/gui/long_tasks.py" line="217"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="194"/>
        <source>Demodata: %1 påhittade ärenden</source>
        <translation>Demo data: %1 made-up tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="196"/>
        <source>Ärenden DEMO-… är påhittade. Ta bort dem med Arkiv › Ta bort demodata.</source>
        <translation>Tickets DEMO-… are made up. Remove them with File › Remove demo data.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="209"/>
        <location filename="../../elsdesk/gui/long_tasks.py" line="213"/>
        <location filename="../../elsdesk/gui/long_tasks.py" line="216"/>
        <source>Ta bort demodata</source>
        <translation>Remove demo data</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="210"/>
        <source>Det finns ingen demodata i desken.</source>
        <translation>There is no demo data in the desk.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="214"/>
        <source>Ta bort %1 demoärenden (DEMO-…) med deras etiketthistorik, granskningsbeslut och incidenter? Riktiga ärenden påverkas inte.</source>
        <translation>Remove %1 demo tickets (DEMO-…) with their label history, review decisions and incidents? Real tickets are not touched.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="225"/>
        <source>%1 demoärenden borttagna.</source>
        <translation>%1 demo tickets removed.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="229"/>
        <source>Tar bort demodata</source>
        <translation>Removing demo data</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="88"/>
        <source>elsdesk – ELS-stöd för Cosmic</source>
        <translation>elsdesk – ELS support for Cosmic</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="224"/>
        <source>Exporterat till %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="244"/>
        <source>Ärenden</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="245"/>
        <source>Utbildning</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="273"/>
        <source>&amp;Nytt ärende</source>
        <translation>&amp;New ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="273"/>
        <source>Logga ett nytt ärende (Ctrl+N)</source>
        <translation>Log a new ticket (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="274"/>
        <source>&amp;Öppna ärende</source>
        <translation>&amp;Open ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="274"/>
        <source>Öppna det markerade ärendet (Enter)</source>
        <translation>Open the selected ticket (Enter)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="275"/>
        <source>&amp;Importera…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="276"/>
        <source>Importera ärenden från fil (Ctrl+I)</source>
        <translation>Import tickets from a file (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="277"/>
        <source>Lägg in &amp;demodata…</source>
        <translation>Add &amp;demo data…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="278"/>
        <source>Ta &amp;bort demodata…</source>
        <translation>Remove demo da&amp;ta…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="279"/>
        <source>Ta bort ä&amp;rende…</source>
        <translation>&amp;Remove ticket…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="280"/>
        <source>Ta bort ett ärende som loggats av misstag (Delete i listan)</source>
        <translation>Remove a ticket logged by mistake (Delete in the list)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="285"/>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="286"/>
        <source>&amp;Sök</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="287"/>
        <source>&amp;Uppdatera</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="288"/>
        <source>Uppdatera listan (F5)</source>
        <translation>Refresh the list (F5)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="289"/>
        <source>&amp;Träna om modellen</source>
        <translation>&amp;Retrain model</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="289"/>
        <source>Träna om på bekräftade etiketter</source>
        <translation>Retrain on confirmed labels</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="290"/>
        <source>&amp;Modell och kvalitet…</source>
        <translation>Model and &amp;quality…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="291"/>
        <source>Byt &amp;profil…</source>
        <translation>Change &amp;profile…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="292"/>
        <source>Byt des&amp;k (den här datorn eller regionens server)…</source>
        <translation>Change des&amp;k (this computer or the region&apos;s server)…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="293"/>
        <source>&amp;Inlärningskurva…</source>
        <translation>&amp;Learning curve…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="294"/>
        <source>&amp;Samstämmighet och oenigheter…</source>
        <translation>&amp;Agreement and disagreements…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="295"/>
        <source>Troliga &amp;felmärkningar…</source>
        <translation>Likely label &amp;mistakes…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="296"/>
        <source>Etiketter som modellen starkt tror är fel, värst först</source>
        <translation>Labels the model strongly believes are wrong, worst first</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="298"/>
        <source>&amp;Nästa flik</source>
        <translation>&amp;Next tab</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="300"/>
        <source>&amp;Föregående flik</source>
        <translation>&amp;Previous tab</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="304"/>
        <source>E&amp;xportera veckans agenda…</source>
        <translation>E&amp;xport the week&apos;s agenda…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="305"/>
        <source>Exportera veckan som visas under Utbildning (Ctrl+Shift+E)</source>
        <translation>Export the week shown under Training (Ctrl+Shift+E)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="306"/>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="314"/>
        <source>&amp;Modell</source>
        <translation>&amp;Model</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="320"/>
        <source>&amp;Incidenter</source>
        <translation>&amp;Incidents</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="322"/>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="328"/>
        <source>S&amp;ortera efter</source>
        <translation>S&amp;ort by</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="331"/>
        <source>&amp;Diagram i Utbildning</source>
        <translation>&amp;Charts in Training</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="334"/>
        <source>Dölj diagrammen så att ämneslistan får hela höjden</source>
        <translation>Hide the charts so that the topic list gets the full height</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="337"/>
        <source>S&amp;pråk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="347"/>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="348"/>
        <source>&amp;Kortkommandon…</source>
        <translation>&amp;Keyboard shortcuts…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="349"/>
        <source>Kortkommandona i vyn du står i (F1)</source>
        <translation>The keyboard shortcuts of the view you are in (F1)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="350"/>
        <source>Kom &amp;igång…</source>
        <translation>&amp;Getting started…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="354"/>
        <location filename="../../elsdesk/gui/main_window.py" line="809"/>
        <source>Om elsdesk</source>
        <translation>About elsdesk</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="355"/>
        <source>Verktyg</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="376"/>
        <source>&amp;Stigande ordning</source>
        <translation>&amp;Ascending order</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="376"/>
        <source>&amp;Fallande ordning</source>
        <translation>&amp;Descending order</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="392"/>
        <source>Desken har inga ärenden ännu.</source>
        <translation>The desk has no tickets yet.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="392"/>
        <source>%1 loggar ett nytt ärende.</source>
        <translation>%1 logs a new ticket.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="393"/>
        <source>%1 › %2 (%3) läser in ärenden från en fil.</source>
        <translation>%1 › %2 (%3) reads tickets from a file.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="396"/>
        <source>%1 › %2 lägger in påhittade ärenden att prova med.</source>
        <translation>%1 › %2 adds made-up tickets to try things with.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="398"/>
        <source>Inga ärenden matchar sökningen och filtren. Esc i sökrutan eller %1 visar alla ärenden.</source>
        <translation>No tickets match the search and filters. Esc in the search box or %1 shows every ticket.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="405"/>
        <source>Veckans agenda exporteras under Utbildning, som din profil inte visar.</source>
        <translation>The week&apos;s agenda is exported under Training, which your profile does not show.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="432"/>
        <location filename="../../elsdesk/gui/main_window.py" line="581"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="543"/>
        <source>Ärende %1 sparat.</source>
        <translation>Ticket %1 saved.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="545"/>
        <source>Maskerat: %1.</source>
        <translation>Masked: %1.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="572"/>
        <source>Ärendet har ändrats</source>
        <translation>The ticket has changed</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="573"/>
        <source>%1 har sparats av %2 (%3) sedan du öppnade det.</source>
        <translation>%1 was saved by %2 (%3) after you opened it.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="574"/>
        <source>någon annan</source>
        <translation>someone else</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="577"/>
        <location filename="../../elsdesk/gui/main_window.py" line="578"/>
        <source>Vill du skriva över med dina ändringar, eller se den nya versionen först?</source>
        <translation>Do you want to overwrite it with your changes, or see the new version first?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="579"/>
        <source>Skriv över med mina ändringar</source>
        <translation>Overwrite with my changes</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="580"/>
        <source>Visa den nya versionen</source>
        <translation>Show the new version</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="593"/>
        <source>Formuläret visar nu den senaste versionen.</source>
        <translation>The form now shows the latest version.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="1"/>
        <source>Dina ändringar som ingen annan gjort finns kvar: %1.</source>
        <translation>Your changes that no one else made are kept: %1.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="594"/>
        <source>Dina val var: %1</source>
        <translation>Your choices were: %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="596"/>
        <source>Inte sparat: ärendet har ändrats av någon annan.</source>
        <translation>Not saved: someone else has changed the ticket.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="589"/>
        <source>Det du skrivit finns kvar: Ctrl+Enter sparar det som ett nytt ärende.</source>
        <translation>What you typed is kept: Ctrl+Enter saves it as a new ticket.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="622"/>
        <source>Räknar ärendena…</source>
        <translation>Counting the tickets…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="721"/>
        <source>Återansluter till servern…</source>
        <translation>Reconnecting to the server…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="726"/>
        <source>Ansluten till servern igen; listorna är uppdaterade.</source>
        <translation>Connected to the server again; the lists are up to date.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="758"/>
        <source>Osparat ärende</source>
        <translation>Unsaved ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="759"/>
        <source>Ett ärende som inte hann sparas finns kvar: &quot;%1&quot;. Vill du fortsätta med det?</source>
        <translation>A ticket that was not saved is still available: &quot;%1&quot;. Do you want to continue with it?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="776"/>
        <source>Tom databas</source>
        <translation>Empty database</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="777"/>
        <source>Databasen är tom. Vill du lägga in demodata (en påhittad go-live-månad) för att prova elsdesk?</source>
        <translation>The database is empty. Do you want to load demo data (a fictitious go-live month) to try out elsdesk?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="794"/>
        <source>Desken byts när elsdesk startas om.</source>
        <translation>The desk changes when elsdesk is restarted.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="809"/>
        <source>elsdesk %1
Databas: %2</source>
        <translation>elsdesk %1
Database: %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="1"/>
        <source>Modellens förslag och sökningen efter incidenter görs senare (databasen svarade inte nyss).</source>
        <translation>The model's suggestions and the search for incidents will be done later (the database did not answer just now).</translation>
    </message>
</context>
<context>
    <name>ModelActionsMixin</name>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="27"/>
        <source>Den levererade modellen är laddad.</source>
        <translation>The shipped model is loaded.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="28"/>
        <source>Modell %1 laddad.</source>
        <translation>Model %1 loaded.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="34"/>
        <source>Inga förslag: %1 Välj Modell › Träna om modellen.</source>
        <translation>No suggestions: %1 Choose Model › Retrain model.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="130"/>
        <source>Inget nytt att lära</source>
        <translation>Nothing new to learn</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="131"/>
        <source>Inga etiketter har bekräftats sedan den aktiva modellen tränades, så en ny träning skulle bara göra en kopia av den. Ingen ny version skapades.</source>
        <translation>No labels have been confirmed since the active model was trained, so retraining would only make a copy of it. No new version was created.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="136"/>
        <source>Ny modell %1 tränad på %2 bekräftade ärenden.</source>
        <translation>New model %1 trained on %2 confirmed tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="148"/>
        <source>Visa &amp;inlärningskurvan</source>
        <translation>Show the &amp;learning curve</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="162"/>
        <source>Den nya modellen är aktiverad. En tidigare version kan återaktiveras under Modell › Modell och kvalitet.</source>
        <translation>The new model is active. An earlier version can be activated again under Model › Model and quality.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="164"/>
        <source>Den nya modellen är aktiverad utan jämförelse, eftersom det fanns för lite att jämföra på. Ser förslagen sämre ut, aktivera %1 igen under Modell › Modell och kvalitet.</source>
        <translation>The new model was activated without a comparison, because there was too little to compare on. If the suggestions look worse, activate %1 again under Model › Model and quality.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="168"/>
        <source>Den nya modellen aktiverades inte: modellerna gick inte att jämföra, och de bekräftade etiketterna säger emot den aktiva modellen på %1 av %2 ärenden där den var säker. Kontrollera etiketterna under Modell › Troliga felmärkningar; stämmer de, aktivera %3 under Modell › Modell och kvalitet.</source>
        <translation>The new model was not activated: the models could not be compared, and the confirmed labels contradict the active model on %1 of %2 tickets where it was sure. Check the labels under Model › Likely label mistakes; if they are right, activate %3 under Model › Model and quality.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="173"/>
        <source>Den nya modellen hade färre rätt och aktiverades inte; den aktiva modellen är oförändrad.</source>
        <translation>The new model got fewer right and was not activated; the active model is unchanged.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="289"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="146"/>
        <source>Träning klar</source>
        <translation>Training finished</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="141"/>
        <source>Tränar modellen</source>
        <translation>Training the model</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="228"/>
        <source>Inlärningskurva</source>
        <translation>Learning curve</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="245"/>
        <source>Samstämmighet</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="266"/>
        <source>Troliga felmärkningar</source>
        <translation>Likely label mistakes</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="282"/>
        <source>Letar efter troliga felmärkningar</source>
        <translation>Looking for likely label mistakes</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="139"/>
        <source>Dessutom %1 demoärenden med påhittade etiketter.</source>
        <translation>Also %1 demo tickets with made-up labels.</translation>
    </message>
</context>
<context>
    <name>ModelDialog</name>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="43"/>
        <source>Modell och kvalitet</source>
        <translation>Model and quality</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="45"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="45"/>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="45"/>
        <source>Bekräftade etiketter</source>
        <translation>Confirmed labels</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="46"/>
        <source>Kvalitet</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="54"/>
        <source>Visa &amp;tekniska siffror (precision, recall, macro-F1, gränser)</source>
        <translation>Show &amp;technical figures (precision, recall, macro-F1, cut-offs)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="56"/>
        <source>&amp;Aktivera vald version</source>
        <translation>&amp;Activate selected version</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="58"/>
        <source>&amp;Träna om nu</source>
        <translation>&amp;Retrain now</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="63"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="83"/>
        <location filename="../../elsdesk/gui/model_dialog.py" line="148"/>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="98"/>
        <source>Bara en superanvändare tränar om och byter modell för desken.</source>
        <translation>Only a super-user retrains or switches the desk&apos;s model.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="133"/>
        <source>rätt modul på %1 av %2 nya ärenden</source>
        <translation>right module on %1 of %2 new tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="135"/>
        <source>för få nya ärenden att mäta på</source>
        <translation>too few new tickets to measure on</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="138"/>
        <source>grundkorpusen: rätt modul på %1 %</source>
        <translation>seed corpus: right module on %1%</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="150"/>
        <source>Hur ofta har den rätt?</source>
        <translation>How often is it right?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="155"/>
        <source>Varje grundärende bedömdes av en modell som inte tränats på just det ärendet (korsvalidering): rätt modul på %1. Grundärendena är skrivna för att lära modellen; på en regions egna ärenden blir det ofta något annorlunda, vilket omträningen mäter.</source>
        <translation>Each seed ticket was judged by a model that was not trained on that ticket (cross-validation): right module on %1. The seed tickets were written to teach the model; on a region&apos;s own tickets the result is often somewhat different, which retraining measures.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="163"/>
        <source>%1: när modellen säger %1 har den rätt %2 av 100 gånger, och av ärendena som gäller %1 hittar den %3 av 100.</source>
        <translation>%1: when the model says %1 it is right %2 times in 100, and of the tickets about %1 it finds %3 in 100.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="166"/>
        <source>Svårast för modellen:</source>
        <translation>Hardest for the model:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="169"/>
        <source>Ärenden om %1 togs för %2 (%3 gånger)</source>
        <translation>Tickets about %1 were taken for %2 (%3 times)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="171"/>
        <source>Vanligaste förväxlingarna:</source>
        <translation>Most common mix-ups:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="172"/>
        <source>Vad betyder Hög, Medel och Låg?</source>
        <translation>What do High, Medium and Low mean?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="173"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="186"/>
        <source>Har lärt sig av %1 grundärenden som levereras med elsdesk.</source>
        <translation>Learnt from %1 seed tickets shipped with elsdesk.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="187"/>
        <source>Har lärt sig av %1 grundärenden och %2 ärenden som superanvändare bekräftat här</source>
        <translation>Learnt from %1 seed tickets and %2 tickets super-users confirmed here</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="189"/>
        <source>, plus %1 etiketter satta vid registreringen (de väger hälften så mycket)</source>
        <translation>, plus labels set when tickets were logged: %1 (they weigh half as much)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="201"/>
        <source>Versions-id</source>
        <translation>Version id</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="202"/>
        <source>Mätmetod</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="202"/>
        <source>Antal ärenden</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="203"/>
        <source>Träffsäkerhet (accuracy)</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="204"/>
        <source>Typ: träffsäkerhet</source>
        <translation>Type: accuracy</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="204"/>
        <source>Typ: macro-F1</source>
        <translation>Type: macro-F1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="208"/>
        <source>Jämförelse</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="211"/>
        <source>modul</source>
        <translation>module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="211"/>
        <source>typ</source>
        <translation>type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="214"/>
        <source>Gränser (%1)</source>
        <translation>Cut-offs (%1)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="217"/>
        <source>Tekniska siffror</source>
        <translation>Technical figures</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="173"/>
        <location filename="../../elsdesk/gui/model_dialog.py" line="220"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="220"/>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="189"/>
        <source>Har lärt sig av %1 grundärenden och %2 demoärenden med påhittade etiketter; inga ärenden här har bekräftats av en superanvändare än.</source>
        <translation>Learnt from %1 seed tickets and %2 demo tickets with made-up labels; no ticket here has been confirmed by a super-user yet.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="197"/>
        <source>Dessutom %1 demoärenden med påhittade etiketter, som ingen har bekräftat.</source>
        <translation>Also %1 demo tickets with made-up labels, which nobody confirmed.</translation>
    </message>
</context>
<context>
    <name>ModelWords</name>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="30"/>
        <source>den levererade modellen</source>
        <translation>the shipped model</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="43"/>
        <source>Ingen modell tränad här ännu: bekräfta etiketter i granskningskön och träna om.</source>
        <translation>No model trained here yet: confirm labels in the review queue and retrain.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="46"/>
        <source>de nya bekräftade ärendena kommer från bara %1 moduler (minst %2 behövs)</source>
        <translation>the new confirmed tickets come from only %1 modules (at least %2 are needed)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="48"/>
        <source>inga nya bekräftade ärenden som ingen av modellerna tränats på (minst %1 behövs)</source>
        <translation>no new confirmed tickets that neither model was trained on (at least %1 are needed)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="51"/>
        <source>bara 1 nytt bekräftat ärende som ingen av modellerna tränats på (minst %1 behövs)</source>
        <translation>only 1 new confirmed ticket that neither model was trained on (at least %1 needed)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="54"/>
        <source>bara %1 nya bekräftade ärenden som ingen av modellerna tränats på (minst %2 behövs)</source>
        <translation>only %1 newly confirmed tickets that neither model was trained on (at least %2 needed)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="45"/>
        <source>Modellen från %1 kunde inte jämföras med den förra modellen.</source>
        <translation>The model of %1 could not be compared with the previous model.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="45"/>
        <source>Av de %1 bekräftade ärenden som den förra modellen inte tränats på sparades de %2 nyaste till jämförelsen</source>
        <translation>Of the %1 confirmed tickets the previous model was not trained on, the %2 newest were set aside for the comparison</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="45"/>
        <source>De %1 bekräftade ärenden som den förra modellen inte tränats på sparades till jämförelsen</source>
        <translation>The %1 confirmed tickets the previous model was not trained on were set aside for the comparison</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="45"/>
        <source>; 1 av dem var nästan en kopia av ett ärende som modellen lärde sig av, så %1 återstod</source>
        <translation>; 1 of them was almost a copy of a ticket the model learnt from, so %1 were left</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="45"/>
        <source>; %1 av dem var nästan kopior av ärenden som modellen lärde sig av, så %2 återstod</source>
        <translation>; %1 of them were almost copies of tickets the model learnt from, so %2 were left</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="45"/>
        <source>(minst %1 behövs).</source>
        <translation>(at least %1 needed).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="56"/>
        <source>Modellen från %1 kunde inte jämföras med den förra modellen: %2.</source>
        <translation>The model of %1 could not be compared with the previous model: %2.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="57"/>
        <source>Jämförelsen görs bara på ärenden som bekräftats sedan den förra modellen tränades: de äldre har den redan lärt sig.</source>
        <translation>The comparison uses only tickets confirmed since the previous model was trained: it has already learnt the older ones.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="60"/>
        <source>Ärenden som nästan är kopior av träningsärenden räknades inte: %1 st.</source>
        <translation>Tickets that are near-copies of training tickets were not counted: %1.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="61"/>
        <source>Fler bekräftade ärenden behövs innan en siffra säger något.</source>
        <translation>More confirmed tickets are needed before a figure means anything.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="63"/>
        <source>Den nya modellen är bättre.</source>
        <translation>The new model is better.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="64"/>
        <source>Den nya modellen är sämre.</source>
        <translation>The new model is worse.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="65"/>
        <source>Skillnaden är inom osäkerheten: ingen av modellerna är säkert bättre.</source>
        <translation>The difference is within the uncertainty: neither model is surely better.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="67"/>
        <source>På de %1 nyaste bekräftade ärendena som ingen av modellerna tränats på hade den nya modellen (%2) rätt modul på %3 och den förra (%4) på %5.</source>
        <translation>On the %1 newest confirmed tickets neither model was trained on, the new model (%2) got the module right on %3 and the previous one (%4) on %5.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="71"/>
        <source>Skillnad %1 procentenheter; med 95 %-säkerhet mellan %2 och %3.</source>
        <translation>Difference %1 percentage points; with 95% certainty between %2 and %3.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="75"/>
        <source>Senaste träningen (%1) hade rätt modul på %2 av %3 nya bekräftade ärenden.</source>
        <translation>The last training (%1) got the module right on %2 of %3 new confirmed tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="77"/>
        <source>Senaste träningen (%1) mättes innan jämförelsen fanns.</source>
        <translation>The last training (%1) was measured before this comparison existed.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="83"/>
        <source>%1 % eller mer</source>
        <translation>%1% or more</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="83"/>
        <source>%1–%2 %</source>
        <translation>%1–%2%</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="84"/>
        <source>under %1 %</source>
        <translation>below %1%</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="89"/>
        <source>%1 betyder att modellen anger %2.</source>
        <translation>%1 means the model gives %2.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="91"/>
        <source>När modellen säger %1 om typen (%2) har den haft rätt %3 av 100 gånger.</source>
        <translation>When the model says %1 about the type (%2) it has been right %3 times in 100.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="94"/>
        <source>När modellen säger %1 (%2) har den haft rätt %3 av 100 gånger.</source>
        <translation>When the model says %1 (%2) it has been right %3 times in 100.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="100"/>
        <source>Hur ofta modellen haft rätt i varje nivå är inte mätt för den här versionen; gränserna gäller ändå för alla moduler.</source>
        <translation>How often the model has been right at each level is not measured for this version; the cut-offs still hold for every module.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="101"/>
        <source>grundärenden, vart och ett bedömt av en modell som inte tränats på det</source>
        <translation>seed tickets, each judged by a model that was not trained on it</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="102"/>
        <source>av de nyaste bekräftade ärendena, som modellen inte tränats på</source>
        <translation>of the newest confirmed tickets, which the model was not trained on</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="103"/>
        <source>ärenden modellen inte tränats på</source>
        <translation>tickets the model was not trained on</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="104"/>
        <source>Samma gränser gäller för alla moduler. Mätt på %1 %2.</source>
        <translation>The same cut-offs hold for every module. Measured on %1 %2.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="108"/>
        <source>%1 av %2 (%3 %)</source>
        <translation>%1 of %2 (%3%)</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="91"/>
        <source>Logga in på servern</source>
        <translation>Log in to the server</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="92"/>
        <source>Lösenord för %1 på %2:</source>
        <translation>Password for %1 on %2:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="92"/>
        <source>din inloggning</source>
        <translation>your login</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="98"/>
        <source>Kom ihåg lösenordet i datorns nyckelring</source>
        <translation>Remember the password in this computer&apos;s keyring</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/desk_connection.py" line="102"/>
        <source>Logga in</source>
        <translation>Log in</translation>
    </message>
</context>
<context>
    <name>PeriodExportController</name>
    <message>
        <location filename="../../elsdesk/gui/period_export.py" line="78"/>
        <source>Exportera översikt %1 – %2</source>
        <translation>Export overview %1 – %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export.py" line="93"/>
        <source>Exporten avbröts; ingen fil skrevs.</source>
        <translation>The export was cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export.py" line="103"/>
        <source>Ingen fil skrevs: perioden %1 har inga ärenden.</source>
        <translation>No file was written: the period %1 has no tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export.py" line="126"/>
        <source>Exporterar översikt %1</source>
        <translation>Exporting overview %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export.py" line="145"/>
        <source>Exportera översikt</source>
        <translation>Export overview</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export.py" line="146"/>
        <source>Perioden %1 har inga ärenden, så ingen fil skrevs.</source>
        <translation>The period %1 has no tickets, so no file was written.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export.py" line="148"/>
        <source>Välj en period med ärenden, till exempel veckorna efter go-live.</source>
        <translation>Choose a period with tickets, for example the weeks after go-live.</translation>
    </message>
</context>
<context>
    <name>PeriodExportDialog</name>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="49"/>
        <source>Exportera översikt för en period</source>
        <translation>Export an overview of a period</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="58"/>
        <source>Senaste &amp;4 veckorna</source>
        <translation>Last &amp;4 weeks</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="59"/>
        <source>Förra &amp;månaden</source>
        <translation>Last &amp;month</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="60"/>
        <source>&amp;Denna månad</source>
        <translation>T&amp;his month</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="61"/>
        <source>Den här ISO-veckan och de %1 före, till och med i dag</source>
        <translation>This ISO week and the %1 before it, up to and including today</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="63"/>
        <source>Från den första i månaden till och med i dag</source>
        <translation>From the first of the month up to and including today</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="69"/>
        <source>&amp;Exportera…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="70"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="95"/>
        <source>&amp;Från:</source>
        <translation>&amp;From:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="95"/>
        <source>&amp;Till:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="96"/>
        <source>Fi&amp;ltyp:</source>
        <translation>File t&amp;ype:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="133"/>
        <source>Till (%1) ligger före Från (%2). Välj en sista dag som är samma som eller efter den första.</source>
        <translation>To (%1) is before From (%2). Choose a last day that is the same as or after the first.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="136"/>
        <source>Perioden är %1 dagar. En översikt kan vara högst %2 dagar (ett år); dela upp den.</source>
        <translation>The period is %1 days. An overview can be at most %2 days (a year); split it up.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="151"/>
        <source>%1 dagar, en kolumn per ISO-vecka: %2 (%3 veckor).</source>
        <translation>%1 days, one column per ISO week: %2 (%3 weeks).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="152"/>
        <source>%1 dagar inom vecka %2; en vecka har ingen trend.</source>
        <translation>%1 days within week %2; a single week has no trend.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="69"/>
        <source>Veckan med det senaste ärendet och de %1 före, till och med %2</source>
        <translation>The week of the newest ticket and the %1 before it, up to %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="71"/>
        <source>Månaden före den med det senaste ärendet (%1)</source>
        <translation>The month before that of the newest ticket (%1)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="72"/>
        <source>Från den första i månaden med det senaste ärendet till och med %1</source>
        <translation>From the first of the newest ticket's month up to %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="78"/>
        <source>Deskens senaste ärende är från vecka %1, så snabbvalen räknar därifrån, inte från i dag.</source>
        <translation>The desk's newest ticket is from week %1, so the quick choices count from there, not from today.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="177"/>
        <source>Inga ärenden under perioden: desken har ärenden %1 – %2.</source>
        <translation>No tickets in this period: the desk has tickets %1 – %2.</translation>
    </message>
</context>
<context>
    <name>PeriodExportProgress</name>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="179"/>
        <source>Av&amp;bryt export</source>
        <translation>Ca&amp;ncel export</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="212"/>
        <source>skriver filen</source>
        <translation>writing the file</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="212"/>
        <source>vecka %1 av %2</source>
        <translation>week %1 of %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/period_export_dialog.py" line="230"/>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="28"/>
        <source>Din profil</source>
        <translation>Your profile</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="29"/>
        <source>Namnet sparas i etiketthistoriken när du bekräftar etiketter. Rollen avgör vilka vyer du får.</source>
        <translation>Your name is recorded in the label history when you confirm labels. Your role decides which views you get.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="34"/>
        <source>Förnamn Efternamn</source>
        <translation>First name Last name</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="53"/>
        <source>Avbryter du, blir du %1 med rollen %2. Det går att byta senare under Arkiv › Byt profil.</source>
        <translation>If you cancel you will be %1 with the role %2. You can change it later under File › Change profile.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="57"/>
        <source>&amp;Namn</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="58"/>
        <source>&amp;Roll</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="60"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="61"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="83"/>
        <source>skriv ditt namn</source>
        <translation>type your name</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="85"/>
        <source>namnet får vara högst %1 tecken</source>
        <translation>the name may be at most %1 characters</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="99"/>
        <source>Ärenden och granskningskön: bekräfta eller rätta modul och typ.</source>
        <translation>Tickets and the review queue: confirm or correct module and type.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="100"/>
        <source>Ärenden och utbildningsvyn: återkommande ämnen och agenda.</source>
        <translation>Tickets and the training view: recurring topics and agenda.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="101"/>
        <source>Ärenden: logga, sök och följ upp.</source>
        <translation>Tickets: log, search and follow up.</translation>
    </message>
</context>
<context>
    <name>ReviewActionsMixin</name>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="53"/>
        <source>Din profil</source>
        <translation>Your profile</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="54"/>
        <source>Du är inloggad på regionens server som %1 med rollen %2. Rollen ges av servern; be IT om en annan roll.</source>
        <translation>You are logged in to the region&apos;s server as %1 with the role %2. The server gives the role; ask IT for another role.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="89"/>
        <source>Ingen profil vald: du är %1 med rollen %2. Byt under Arkiv › Byt profil.</source>
        <translation>No profile chosen: you are %1 with the role %2. Change it under File › Change profile.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="131"/>
        <source>Granskning</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="141"/>
        <source>Profil: %1, %2.</source>
        <translation>Profile: %1, %2.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="155"/>
        <source>Träna om modellen?</source>
        <translation>Retrain the model?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="156"/>
        <source>%1 etiketter har bekräftats sedan den senaste träningen. Vill du träna om modellen nu? Du ser kvaliteten före och efter när den är klar.</source>
        <translation>%1 labels have been confirmed since the last training. Do you want to retrain the model now? You will see the quality before and after when it has finished.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="159"/>
        <source>Träna om nu</source>
        <translation>Retrain now</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="160"/>
        <source>Senare</source>
        <translation>Later</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="288"/>
        <source>Liknande ärenden kan inte visas just nu: sökindexet gick inte att bygga.</source>
        <translation>Similar tickets cannot be shown right now: the search index could not be built.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="290"/>
        <source>Bygger sökindex… liknande ärenden visas när det är klart.</source>
        <translation>Building the search index… similar tickets appear when it is ready.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="291"/>
        <source>Söker liknande ärenden…</source>
        <translation>Looking for similar tickets…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="291"/>
        <source>Inga liknande ärenden.</source>
        <translation>No similar tickets.</translation>
    </message>
</context>
<context>
    <name>ReviewCard</name>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="72"/>
        <source>(ingen beskrivning)</source>
        <translation>(no description)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="119"/>
        <source>ej klassad</source>
        <translation>not classified</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="123"/>
        <source>nu: %1</source>
        <translation>now: %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="132"/>
        <source>välj eller namnge ett känt problem</source>
        <translation>pick or name a known problem</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="134"/>
        <location filename="../../elsdesk/gui/review_card.py" line="136"/>
        <source>Känt problem:</source>
        <translation>Known problem:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="137"/>
        <source>(länkat)</source>
        <translation>(linked)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="141"/>
        <source>Troligen känt problem:</source>
        <translation>Likely known problem:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="155"/>
        <source>(förslag)</source>
        <translation>(suggestion)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="158"/>
        <source>Typ:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="166"/>
        <source>Inga förslag från modellen – välj modul med /.</source>
        <translation>No suggestions from the model – choose a module with /.</translation>
    </message>
</context>
<context>
    <name>ReviewQueueView</name>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="574"/>
        <source>Servern svarar inte.</source>
        <translation>The server does not answer.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="576"/>
        <source>Granskningskön kunde inte läsas. %1 Den läses igen när servern svarar.</source>
        <translation>The review queue could not be read. %1 It is read again when the server answers.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="105"/>
        <source>Osäkrast först</source>
        <translation>Least certain first</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="105"/>
        <source>Nyast först</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="105"/>
        <source>Per modul</source>
        <translation>By module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="114"/>
        <source>Ordning (s):</source>
        <translation>Order (s):</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="123"/>
        <source>Annan modul: tryck / och skriv, Enter väljer, Esc tillbaka</source>
        <translation>Other module: press / and type, Enter selects, Esc goes back</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="127"/>
        <source>Ingen modul heter så.</source>
        <translation>No module has that name.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="150"/>
        <source>typ: %1</source>
        <translation>type: %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="153"/>
        <source>Enter = förslag 1 · 1–3 = välj förslag · / eller m = annan modul</source>
        <translation>Enter = suggestion 1 · 1–3 = pick a suggestion · / or m = other module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="154"/>
        <source>l / L = känt problem · Mellanslag = hoppa över · s = ordning · Ctrl+Z = ångra</source>
        <translation>l / L = known problem · Space = skip · s = order · Ctrl+Z = undo</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="155"/>
        <source>i = liknande ärenden (Esc tillbaka)</source>
        <translation>i = similar tickets (Esc back)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="174"/>
        <source>Esc = släpp vald typ</source>
        <translation>Esc = drop the chosen type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="430"/>
        <source>Vald typ släppt: Enter bekräftar med förslagen.</source>
        <translation>Chosen type dropped: Enter confirms with the suggestions.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="162"/>
        <source>Inga liknande ärenden att visa.</source>
        <translation>No similar tickets to show.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="194"/>
        <source>Sorterar om…</source>
        <translation>Re-sorting…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="344"/>
        <source>Inget sådant förslag – välj modul med /.</source>
        <translation>No such suggestion – choose a module with /.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="350"/>
        <source>Typ vald: %1. Enter bekräftar med modulförslaget, 1–3 eller / väljer modul.</source>
        <translation>Type chosen: %1. Enter confirms with the module suggestion, 1–3 or / picks a module.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="479"/>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="583"/>
        <source>Ärendet</source>
        <translation>The ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="484"/>
        <source>%1 bekräftades just av %2 (%3).</source>
        <translation>%1 was just confirmed by %2 (%3).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="487"/>
        <source>%1 togs bort.</source>
        <translation>%1 was removed.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="489"/>
        <source>%1 togs just bort på en annan arbetsstation.</source>
        <translation>%1 was just removed at another workstation.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="491"/>
        <source>%1 ändrades just på en annan arbetsstation och är inte längre kvar i kön.</source>
        <translation>%1 was just changed at another workstation and is no longer in the queue.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="492"/>
        <source>Nästa ärende visas – läs det innan du bestämmer.</source>
        <translation>The next ticket is shown – read it before you decide.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="499"/>
        <source>Kortet visar ett annat ärende än nyss – läs det och tryck igen.</source>
        <translation>The card shows a different ticket than a moment ago – read it and press again.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="553"/>
        <source>Bekräftat %1: %2 / %3. Ctrl+Z ångrar.</source>
        <translation>Confirmed %1: %2 / %3. Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="585"/>
        <source>%1 ändrades på en annan arbetsstation efter att du öppnade det; kortet visar nu den nya versionen.</source>
        <translation>%1 was changed at another workstation after you opened it; the card now shows the new version.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="587"/>
        <source>Ditt beslut sparades inte.</source>
        <translation>Your decision was not saved.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="600"/>
        <source>Inget att ångra.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="608"/>
        <source>Beslutet ångrat.</source>
        <translation>Decision undone.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="638"/>
        <source>Kvar att granska: %1</source>
        <translation>Left to review: %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="642"/>
        <source>Inget kvar att granska.</source>
        <translation>Nothing left to review.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="642"/>
        <source>Laddar kön…</source>
        <translation>Loading the queue…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="648"/>
        <source>Laddar ärendet…</source>
        <translation>Loading the ticket…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="661"/>
        <source>Liknande ärenden visas när sökindexet är klart.</source>
        <translation>Similar tickets will appear when the search index is ready.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="662"/>
        <source>Inga liknande tidigare ärenden.</source>
        <translation>No similar earlier tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="1"/>
        <source>Ärendet laddas fortfarande – inget beslut togs. Tryck igen när det syns.</source>
        <translation>The ticket is still loading – no decision was made. Press again when it shows.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="1"/>
        <source>Ditt beslut om %1 sparades inte: %2 Kortet visar ärendet igen; tryck när det går att spara.</source>
        <translation>Your decision on %1 was not saved: %2 The card shows the ticket again; press when it can be saved.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="1"/>
        <source>ärendet</source>
        <translation>the ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="1"/>
        <source>%1 sparades inte – se kortet.</source>
        <translation>%1 was not saved – see the card.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="1"/>
        <source>%1 visas redan för %2, så du får ett annat ärende. Läs det innan du bestämmer.</source>
        <translation>%1 is already on %2's card, so you get another ticket. Read it before you decide.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="1"/>
        <source>%1 visas redan för en annan superanvändare, så du får ett annat ärende. Läs det innan du bestämmer.</source>
        <translation>%1 is already on another super-user's card, so you get another ticket. Read it before you decide.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="129"/>
        <source>Kortkommandon</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="138"/>
        <source>Vy:</source>
        <translation>View:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="141"/>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/help_dialog.py" line="161"/>
        <source>Överallt</source>
        <translation>Everywhere</translation>
    </message>
</context>
<context>
    <name>SimilarTicketsView</name>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="30"/>
        <source>Liknande tidigare ärenden</source>
        <translation>Similar earlier tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="30"/>
        <source>L&amp;iknande tidigare ärenden</source>
        <translation>S&amp;imilar earlier tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="36"/>
        <source>Likhet</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="36"/>
        <source>Ärende</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="36"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="36"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="36"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="37"/>
        <source>Lösning</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="74"/>
        <source>Inga liknande ärenden ännu.</source>
        <translation>No similar tickets yet.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="107"/>
        <source>Inga liknande ärenden.</source>
        <translation>No similar tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="139"/>
        <source>ingen lösning skriven ännu</source>
        <translation>no resolution written yet</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="140"/>
        <source>%1 – lösning: %2</source>
        <translation>%1 – resolution: %2</translation>
    </message>
</context>
<context>
    <name>TicketDetailsView</name>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="32"/>
        <source>Välj ett ärende i listan.</source>
        <translation>Select a ticket in the list.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="36"/>
        <source>ej klassad</source>
        <translation>not classified</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="38"/>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="39"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="40"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="41"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="42"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="43"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="44"/>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="45"/>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="46"/>
        <source>patientsäkerhet</source>
        <translation>patient safety</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="47"/>
        <source>Eskalerad till</source>
        <translation>Escalated to</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="48"/>
        <source>Känt problem</source>
        <translation>Known problem</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="53"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="57"/>
        <source>Lösning</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="64"/>
        <source>Etiketthistorik</source>
        <translation>Label history</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="66"/>
        <source>(de %1 senaste av %2)</source>
        <translation>(the latest %1 of %2)</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <location filename="../../ui/ticket_form.ui" line="24"/>
        <source>&amp;Rubrik</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="25"/>
        <source>Kort sammanfattning, t.ex. &quot;Kan inte signera dos i utdelningsvyn&quot;</source>
        <translation>Short summary, e.g. &quot;Cannot sign dose in the administration view&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="26"/>
        <source>&amp;Beskrivning</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="27"/>
        <source>Vad försökte användaren göra, vad hände? Personnummer, telefonnummer och e-post maskeras automatiskt när ärendet sparas.</source>
        <translation>What was the user trying to do, what happened? Personal identity numbers, phone numbers and e-mail addresses are masked automatically when the ticket is saved.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="36"/>
        <source>Förslag</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="37"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="38"/>
        <source>&amp;Modul</source>
        <translation>&amp;Module</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="40"/>
        <source>&amp;Typ</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="42"/>
        <source>R&amp;oll</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="44"/>
        <source>&amp;Enhet</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="45"/>
        <source>t.ex. Avd 12 medicin, Akutmottagningen</source>
        <translation>e.g. Ward 12 Medicine, Emergency Department</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="46"/>
        <source>Ka&amp;nal</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="48"/>
        <source>&amp;Prioritet</source>
        <translation>&amp;Priority</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="52"/>
        <source>P&amp;atientsäkerhet påverkas</source>
        <translation>P&amp;atient safety affected</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="56"/>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="58"/>
        <source>Es&amp;kalera till</source>
        <translation>&amp;Escalate to</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="60"/>
        <source>&amp;Lösning</source>
        <translation>Reso&amp;lution</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="78"/>
        <source>Ctrl+Enter sparar · Esc avbryter · Ctrl+1–3 tar ett modulförslag · Ctrl+T tar typförslaget · Alt+I liknande ärenden</source>
        <translation>Ctrl+Enter saves · Esc cancels · Ctrl+1–3 take a module suggestion · Ctrl+T takes the type suggestion · Alt+I similar tickets</translation>
    </message>
</context>
<context>
    <name>TicketFormDialog</name>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="480"/>
        <source>Töm &amp;formuläret</source>
        <translation>Empty the &amp;form</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="481"/>
        <source>Börja om med ett tomt formulär; utkastet tas bort</source>
        <translation>Start again with an empty form; the draft is removed</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="495"/>
        <source>Formuläret har ditt sparade utkast från %1. Skriv vidare, eller töm det för ett nytt ärende.</source>
        <translation>The form holds the draft you kept on %1. Go on writing, or empty it for a new ticket.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="497"/>
        <source>Formuläret har ditt sparade utkast. Skriv vidare, eller töm det för ett nytt ärende.</source>
        <translation>The form holds the draft you kept. Go on writing, or empty it for a new ticket.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="56"/>
        <source>Nytt ärende</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="56"/>
        <source>Ärende %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="62"/>
        <source>Sparar…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="109"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="110"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="160"/>
        <source>– välj modul –</source>
        <translation>– choose module –</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="161"/>
        <source>– välj typ –</source>
        <translation>– choose type –</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="162"/>
        <source>– okänd –</source>
        <translation>– unknown –</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="166"/>
        <source>– ingen –</source>
        <translation>– none –</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="246"/>
        <source>Skriv en rubrik eller beskrivning innan du sparar.</source>
        <translation>Enter a title or description before saving.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="310"/>
        <source>Osparat ärende</source>
        <translation>Unsaved ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="311"/>
        <source>Ärendet är inte sparat. Vill du fortsätta skriva, spara det som utkast eller kasta det?</source>
        <translation>The ticket is not saved. Do you want to keep writing, keep it as a draft or discard it?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="313"/>
        <source>&amp;Fortsätt skriva</source>
        <translation>&amp;Keep writing</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="314"/>
        <source>&amp;Behåll som utkast</source>
        <translation>Keep as d&amp;raft</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="315"/>
        <source>&amp;Kasta ärendet</source>
        <translation>&amp;Discard ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="369"/>
        <source>Inga förslag: modellen är inte laddad</source>
        <translation>No suggestions: the model is not loaded</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="381"/>
        <source>Typ:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="407"/>
        <source>Känt problem:</source>
        <translation>Known problem:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="407"/>
        <source>Liknar ett känt problem:</source>
        <translation>Looks like a known problem:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="410"/>
        <source>Så gör man:</source>
        <translation>What to do:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="412"/>
        <source>Inget sätt att komma runt det är beskrivet ännu.</source>
        <translation>No workaround has been described yet.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="417"/>
        <source>öppet</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="417"/>
        <source>tillfällig lösning finns</source>
        <translation>workaround available</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="418"/>
        <source>rättat</source>
        <translation>fixed</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="418"/>
        <source>genomgånget på utbildning</source>
        <translation>covered in training</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="459"/>
        <source>Sparas inte: %1. I ärendet står %2 i stället.</source>
        <translation>Not stored: %1. The ticket will say %2 instead.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="404"/>
        <source>%1: inga förslag, modellen är inte laddad. Välj modul i listan.</source>
        <translation>%1: no suggestions, the model is not loaded. Choose a module in the list.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="406"/>
        <source>%1: inga förslag än. Skriv rubrik eller beskrivning, eller välj modul i listan.</source>
        <translation>%1: no suggestions yet. Write a title or description, or choose a module in the list.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="408"/>
        <source>%1: det finns inget förslag %2, modellen visar bara %3 för den här texten. Välj modul i listan.</source>
        <translation>%1: there is no suggestion %2, the model shows only %3 for this text. Choose a module in the list.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="1"/>
        <source>Sparar… sedan öppnas ett nytt ärende.</source>
        <translation>Saving… then a new ticket opens.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="1"/>
        <source>Ctrl+Enter sparar ärendet och Esc stänger det; sedan öppnar Ctrl+N ett nytt.</source>
        <translation>Ctrl+Enter saves the ticket and Esc closes it; then Ctrl+N opens a new one.</translation>
    </message>
</context>
<context>
    <name>TicketListView</name>
    <message>
        <location filename="../../elsdesk/gui/ticket_list_view.py" line="61"/>
        <source>Visar %1 av %2 ärenden</source>
        <translation>Showing %1 of %2 tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_list_view.py" line="66"/>
        <source>alla statusar (%1)</source>
        <translation>all statuses (%1)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_list_view.py" line="68"/>
        <source>Antalen per status räknas med dina övriga filter men utan statusfiltret, så att du ser hur många varje status skulle visa.</source>
        <translation>The counts per status use your other filters but not the status filter, so you can see how many each status would show.</translation>
    </message>
</context>
<context>
    <name>TicketRemovalMixin</name>
    <message>
        <location filename="../../elsdesk/gui/ticket_removal_actions.py" line="38"/>
        <source>Markera först ärendet som ska tas bort i listan.</source>
        <translation>First select the ticket to remove in the list.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_removal_actions.py" line="42"/>
        <source>Ta bort ärende</source>
        <translation>Remove ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_removal_actions.py" line="43"/>
        <source>Ta bort ärende %1, ”%2”, med dess etiketthistorik och granskningsbeslut?</source>
        <translation>Remove ticket %1, “%2”, with its label history and review decisions?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_removal_actions.py" line="46"/>
        <source>Gör det för ett ärende som loggats av misstag, två gånger eller med uppgifter som inte får finnas kvar. Det går inte att ångra.</source>
        <translation>Do this for a ticket logged by mistake, twice or with details that must not stay. It cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_removal_actions.py" line="48"/>
        <source>Ta bort ärendet</source>
        <translation>Remove the ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_removal_actions.py" line="49"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_removal_actions.py" line="61"/>
        <source>Ärende %1 borttaget.</source>
        <translation>Ticket %1 removed.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_removal_actions.py" line="65"/>
        <source>Tar bort ärende</source>
        <translation>Removing ticket</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="54"/>
        <source>Ärende</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="54"/>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="54"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="54"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="55"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="55"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="55"/>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="55"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>TrainingLeadView</name>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="520"/>
        <source>På agendan för vecka %1: %2</source>
        <translation>On the agenda for week %1: %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="520"/>
        <source>Borttaget från agendan för vecka %1: %2</source>
        <translation>Taken off the agenda for week %1: %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="520"/>
        <source>Genomgånget %1: %2</source>
        <translation>Covered %1: %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="520"/>
        <source>Inte längre genomgånget: %1</source>
        <translation>No longer covered: %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="34"/>
        <source>ny</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="34"/>
        <source>ökande</source>
        <translation>rising</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="35"/>
        <source>stabil</source>
        <translation>steady</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="35"/>
        <source>minskande</source>
        <translation>falling</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="42"/>
        <source>Webbsida (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="46"/>
        <source>På agendan</source>
        <translation>On agenda</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="47"/>
        <source>Ämne</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="48"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="49"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="52"/>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="54"/>
        <source>Genomgånget</source>
        <translation>Covered</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="67"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="113"/>
        <source>inte satt</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="120"/>
        <source>Räkna om</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="121"/>
        <source>&amp;Exportera…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="125"/>
        <source>&amp;Period…</source>
        <translation>&amp;Period…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="127"/>
        <source>Exportera en översikt för en period, t.ex. en månad: ärenden per vecka och trend</source>
        <translation>Export an overview of a period, e.g. a month: tickets per week and trend</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="131"/>
        <source>Vec&amp;ka:</source>
        <translation>Wee&amp;k:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="131"/>
        <source>Go-live:</source>
        <translation>Go-live:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="153"/>
        <source>Välj/avvälj för agendan (Mellanslag)</source>
        <translation>Add to/remove from agenda (Space)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="154"/>
        <source>Byt namn (F2)</source>
        <translation>Rename (F2)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="155"/>
        <source>Slå ihop markerade</source>
        <translation>Merge selected</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="156"/>
        <location filename="../../elsdesk/gui/training_view.py" line="636"/>
        <source>Dela</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="157"/>
        <location filename="../../elsdesk/gui/training_view.py" line="553"/>
        <source>Markera genomgånget idag</source>
        <translation>Mark as covered today</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="162"/>
        <source>Förslag:</source>
        <translation>Proposals:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="163"/>
        <source>Godta som känt problem… (Ctrl+Enter)</source>
        <translation>Accept as known problem… (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="164"/>
        <source>Hör till ett känt problem…</source>
        <translation>Belongs to a known problem…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="165"/>
        <location filename="../../elsdesk/gui/training_view.py" line="623"/>
        <source>Inget problem att lära ut</source>
        <translation>No problem to teach</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="256"/>
        <source>Räknar fram veckans ämnen…</source>
        <translation>Calculating this week&apos;s topics…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="302"/>
        <source>1 ärende</source>
        <translation>1 ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="302"/>
        <source>%1 ärenden</source>
        <translation>%1 tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="303"/>
        <source>1 återkommande ämne</source>
        <translation>1 recurring topic</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="304"/>
        <source>%1 återkommande ämnen</source>
        <translation>%1 recurring topics</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="330"/>
        <location filename="../../elsdesk/gui/training_view.py" line="417"/>
        <source>Förslag: ingen har ännu sagt vilket känt problem det är</source>
        <translation>Proposal: nobody has said yet which known problem this is</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="331"/>
        <source>Känt problem</source>
        <translation>Known problem</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="402"/>
        <source>Ärenden per vecka och modul sedan go-live</source>
        <translation>Tickets per week and module since go-live</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="406"/>
        <source>Största ämnenas utveckling</source>
        <translation>Trend of the largest topics</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="418"/>
        <source>Så gör man:</source>
        <translation>How to:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="418"/>
        <source>Anmäls av:</source>
        <translation>Reported by:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="50"/>
        <location filename="../../elsdesk/gui/training_view.py" line="435"/>
        <source>Ärenden</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="51"/>
        <source>Föreg. vecka</source>
        <translation>Prev. week</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="53"/>
        <source>Veckor i rad</source>
        <translation>Weeks running</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="441"/>
        <source>v%1</source>
        <translation>w%1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="445"/>
        <source>inga veckor uträknade än</source>
        <translation>no weeks worked out yet</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="451"/>
        <source>Effekt av genomgången %1</source>
        <translation>Effect of the training on %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="452"/>
        <source>Före (%1 per vecka):</source>
        <translation>Before (%1 a week):</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="453"/>
        <source>Efter (%1 per vecka):</source>
        <translation>After (%1 a week):</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="489"/>
        <source>Ändrat på en annan arbetsstation</source>
        <translation>Changed at another workstation</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="519"/>
        <source>Byt namn på ämne</source>
        <translation>Rename topic</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="519"/>
        <source>Nytt namn:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="529"/>
        <location filename="../../elsdesk/gui/training_view.py" line="532"/>
        <location filename="../../elsdesk/gui/training_view.py" line="541"/>
        <source>Slå ihop</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="533"/>
        <source>Två kända problem kan inte slås ihop. Markera ett känt problem och de förslag som hör till det.</source>
        <translation>Two known problems cannot be merged. Select one known problem and the proposals that belong to it.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="537"/>
        <source>Slå ihop de här %1 ämnena till &quot;%2&quot;?</source>
        <translation>Merge these %1 topics into &quot;%2&quot;?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="539"/>
        <source>De blir ett ämne den här veckan och framöver. Det går inte att ångra.</source>
        <translation>They become one topic this week and from now on. This cannot be undone.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="541"/>
        <source>Slå ihop ämnen</source>
        <translation>Merge topics</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="552"/>
        <source>Ta bort genomgånget</source>
        <translation>Remove covered mark</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="567"/>
        <source>Godta som känt problem</source>
        <translation>Accept as known problem</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="568"/>
        <source>Skriv problemet så som det ska läras ut (t.ex. &quot;Signera given dos i utdelningsvyn&quot;):</source>
        <translation>Write the problem as it should be taught (e.g. &quot;Sign a given dose in the administration view&quot;):</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="585"/>
        <location filename="../../elsdesk/gui/training_view.py" line="601"/>
        <location filename="../../elsdesk/gui/training_view.py" line="607"/>
        <source>Hör till ett känt problem</source>
        <translation>Belongs to a known problem</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="585"/>
        <source>Det finns inga kända problem ännu.</source>
        <translation>There are no known problems yet.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="608"/>
        <source>Vilket känt problem?</source>
        <translation>Which known problem?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="592"/>
        <source>Lägga förslaget &quot;%1&quot; under det kända problemet &quot;%2&quot;?</source>
        <translation>Put the proposal &quot;%1&quot; under the known problem &quot;%2&quot;?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="529"/>
        <source>Markera minst två ämnen (Shift+pil eller Ctrl+klick).</source>
        <translation>Select at least two topics (Shift+arrow or Ctrl+click).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="594"/>
        <source>Veckans ärenden i förslaget länkas till det kända problemet, och förslaget försvinner ur listan.</source>
        <translation>The week&apos;s tickets in the proposal are linked to the known problem, and the proposal leaves the list.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="601"/>
        <source>Lägg under problemet</source>
        <translation>Put under the problem</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="621"/>
        <source>Är &quot;%1&quot; inget problem att lära ut?</source>
        <translation>Is &quot;%1&quot; no problem to teach?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="622"/>
        <source>Förslaget tas bort ur veckans ämnen och föreslås inte igen; ärendena finns kvar.</source>
        <translation>The proposal is removed from the week&apos;s topics and not proposed again; the tickets stay.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="623"/>
        <source>Ta bort förslaget</source>
        <translation>Remove the proposal</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="632"/>
        <source>Dela &quot;%1&quot; i mindre ämnen?</source>
        <translation>Split &quot;%1&quot; into smaller topics?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="633"/>
        <source>Ärendena delas upp efter vad de handlar om; det som inte passar in stannar i ämnet. Delarna kan slås ihop igen efteråt.</source>
        <translation>The tickets are divided by what they are about; what does not fit stays in the topic. The parts can be merged again afterwards.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="636"/>
        <source>Dela ämne</source>
        <translation>Split topic</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="673"/>
        <source>Exportera vecka %1</source>
        <translation>Export week %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Lösning och status…</source>
        <translation>Workaround and status…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Det kända problemets namn, hur man gör tills vidare (står på agendan), status och anteckning (Enter eller dubbelklick på raden)</source>
        <translation>The known problem's name, what to do meanwhile (quoted on the agenda), status and note (Enter or a double click on the row)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Sparat för "%1" (status: %2).</source>
        <translation>Saved for "%1" (status: %2).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Vald för veckans agenda. Mellanslag tar bort den.</source>
        <translation>Picked for the week's agenda. Space removes it.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Föreslagen för veckans agenda: ett handhavande-ämne med minst 3 ärenden. Mellanslag väljer bort den; då blir agendan dina val.</source>
        <translation>Proposed for the week's agenda: a how-to topic of at least 3 tickets. Space leaves it out; the agenda is then your picks.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Inte vald för veckans agenda. Mellanslag väljer den.</source>
        <translation>Not picked for the week's agenda. Space picks it.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Inte föreslagen: typen är %1, och bara handhavande-ämnen föreslås. Mellanslag väljer den ändå.</source>
        <translation>Not proposed: its kind is %1, and only how-to topics are proposed. Space picks it all the same.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Inte föreslagen (för få ärenden, eller redan genomgånget). Mellanslag väljer den ändå.</source>
        <translation>Not proposed (too few tickets, or covered already). Space picks it all the same.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Nytt namn: %1</source>
        <translation>New name: %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Ihopslaget till "%1".</source>
        <translation>Merged into "%1".</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Känt problem: %1. Skriv hur man gör med Lösning och status… (Enter).</source>
        <translation>Known problem: %1. Write what to do with Workaround and status… (Enter).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Go-live satt till %1.</source>
        <translation>Go-live set to %1.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Veckans ärenden i "%1" hör nu till "%2".</source>
        <translation>The week's tickets of "%1" now belong to "%2".</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Markera genomgånget…</source>
        <translation>Mark as covered…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Slå ihop de markerade ämnena till ett (Ctrl+M)</source>
        <translation>Merge the selected topics into one (Ctrl+M)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Dela ämnet i mindre ämnen efter vad ärendena handlar om (Ctrl+D)</source>
        <translation>Split the topic into smaller ones by what the tickets are about (Ctrl+D)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="1"/>
        <source>Markera att utbildningen gått igenom ämnet, eller ta bort markeringen (Ctrl+G)</source>
        <translation>Mark that the training covered the topic, or remove the mark (Ctrl+G)</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../elsdesk/gui/app.py" line="125"/>
        <source>Databasen %1 kan inte öppnas: %2</source>
        <translation>The database %1 cannot be opened: %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/app.py" line="128"/>
        <source>Försök igen</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/app.py" line="129"/>
        <source>Välj en annan desk…</source>
        <translation>Choose another desk…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/app.py" line="130"/>
        <source>Avsluta</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <location filename="../../elsdesk/gui/charts.py" line="51"/>
        <source>v%1</source>
        <translation>W%1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/charts.py" line="152"/>
        <source>Övriga</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>conflict</name>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="1"/>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="1"/>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="1"/>
        <source>Patientsäkerhet påverkas</source>
        <translation>Patient safety affected</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="1"/>
        <source>Eskalera till</source>
        <translation>Escalate to</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="1"/>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="1"/>
        <source>nej</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="15"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="16"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="17"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="18"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="19"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="20"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="21"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="22"/>
        <source>Lösning</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/conflict_text.py" line="24"/>
        <source>(ditt val: %1)</source>
        <translation>(your choice: %1)</translation>
    </message>
</context>
<context>
    <name>desk_upgrade</name>
    <message>
        <location filename="../../elsdesk/gui/desk_upgrade.py" line="23"/>
        <source>Databasen uppdateras till den här versionen av elsdesk. Det görs en gång och kan ta någon minut för en stor desk.</source>
        <translation>The database is being updated to this version of elsdesk. This happens once and can take a minute or two for a large desk.</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <location filename="../../elsdesk/gui/forms.py" line="98"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/forms.py" line="99"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>notify</name>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="18"/>
        <source>Rätta uppgiften och försök igen.</source>
        <translation>Correct the information and try again.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="20"/>
        <source>Öppna ärendet igen för att se den senaste versionen innan du ändrar.</source>
        <translation>Reopen the ticket to see the latest version before making changes.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="22"/>
        <source>Uppdatera listan.</source>
        <translation>Refresh the list.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="76"/>
        <source>Importera filen igen när servern svarar; det som redan sparats läses inte in två gånger.</source>
        <translation>Import the file again when the server answers; what was already stored is not read in twice.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="24"/>
        <source>Be en kollega med den rollen, eller IT, om hjälp.</source>
        <translation>Ask a colleague with that role, or IT, for help.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="26"/>
        <source>Försök igen om en stund; det du skrivit finns kvar. Om felet består, kontakta IT.</source>
        <translation>Try again in a moment; what you typed is kept. If the problem persists, contact IT.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="28"/>
        <source>Databasen kunde inte läsas eller skrivas.</source>
        <translation>The database could not be read or written.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="28"/>
        <source>Försök igen om en stund. Om felet består, kontakta IT och uppge databasfilens sökväg.</source>
        <translation>Try again in a moment. If the problem persists, contact IT and give the path of the database file.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="32"/>
        <source>Filen kunde inte läsas eller skrivas: </source>
        <translation>The file could not be read or written: </translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="32"/>
        <source>Kontrollera sökvägen och behörigheten.</source>
        <translation>Check the path and the permissions.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="33"/>
        <source>Något gick fel: </source>
        <translation>Something went wrong: </translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="33"/>
        <source>Försök igen. Detaljer finns i loggen.</source>
        <translation>Try again. Details are in the log.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="46"/>
        <source>elsdesk</source>
        <translation>elsdesk</translation>
    </message>
</context>
<context>
    <name>pdf_export</name>
    <message>
        <location filename="../../elsdesk/gui/pdf_export.py" line="203"/>
        <source>Qt kan inte skriva PDF-filen</source>
        <translation>Qt cannot write the PDF file</translation>
    </message>
</context>
</TS>
