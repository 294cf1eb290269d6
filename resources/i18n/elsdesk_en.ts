<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../elsdesk/gui/agreement_view.py" line="30"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/agreement_view.py" line="30"/>
        <source>Superanvändare eniga</source>
        <translation>Super-users agree</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/agreement_view.py" line="30"/>
        <source>Modellen hade rätt</source>
        <translation>Model was right</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/agreement_view.py" line="40"/>
        <source>Oenigheter (olika moduler från olika superanvändare)</source>
        <translation>Disagreements (different modules from different super-users)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/agreement_view.py" line="44"/>
        <source>Eniga superanvändare: %1 · Modellens förslag behölls: %2</source>
        <translation>Super-users in agreement: %1 · Model&apos;s suggestion kept: %2</translation>
    </message>
</context>
<context>
    <name>ConfidenceBand</name>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="18"/>
        <source>Hög</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="18"/>
        <source>Medel</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="19"/>
        <source>Låg</source>
        <translation>Low</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="28"/>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="22"/>
        <source>Sök i ärenden (Ctrl+F) – t.ex. utdeln signer</source>
        <translation>Search tickets (Ctrl+F) – e.g. utdeln signer</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="24"/>
        <source>Alla statusar</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="25"/>
        <source>Alla moduler</source>
        <translation>All modules</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="26"/>
        <source>(ej klassad)</source>
        <translation>(not classified)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="27"/>
        <source>Alla typer</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="28"/>
        <location filename="../../elsdesk/gui/filter_bar.py" line="67"/>
        <source>Alla veckor</source>
        <translation>All weeks</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="36"/>
        <source>Rensa</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="37"/>
        <source>Rensa alla filter</source>
        <translation>Clear all filters</translation>
    </message>
</context>
<context>
    <name>IncidentActionsMixin</name>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="64"/>
        <source>Möjlig incident: %1 (%2 ärenden från %3 enheter). Se menyn Incidenter.</source>
        <translation>Possible incident: %1 (%2 tickets from %3 units). See the Incidents menu.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="71"/>
        <source>Inga möjliga incidenter</source>
        <translation>No possible incidents</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="89"/>
        <source>Visa ärendena tillsammans</source>
        <translation>Show the tickets together</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="91"/>
        <source>Bekräfta incident</source>
        <translation>Confirm incident</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="93"/>
        <source>Avfärda</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="82"/>
        <source>Visa alla ärenden</source>
        <translation>Show all tickets</translation>
    </message>
</context>
<context>
    <name>LabelHistory</name>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="25"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="25"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="30"/>
        <source>%1 satt till %2 av modellen (version %3)</source>
        <translation>%1 set to %2 by the model (version %3)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="31"/>
        <source>%1 ändrad från %2 till %3 av modellen (version %4)</source>
        <translation>%1 changed from %2 to %3 by the model (version %4)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="34"/>
        <source>%1 %2 bekräftad av %3 i granskningen</source>
        <translation>%1 %2 confirmed by %3 in review</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="35"/>
        <source>%1 ändrad från %2 till %3 av %4 i granskningen</source>
        <translation>%1 changed from %2 to %3 by %4 in review</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="38"/>
        <source>%1 satt till %2 av %3 vid registreringen</source>
        <translation>%1 set to %2 by %3 when logging the ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="40"/>
        <source>%1 ändrad från %2 till %3 av %4 i ärendeformuläret</source>
        <translation>%1 changed from %2 to %3 by %4 in the ticket form</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="42"/>
        <source>(modellens förslag, version %1)</source>
        <translation>(the model&apos;s suggestion, version %1)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="46"/>
        <source>%1 satt till %2 i demodata</source>
        <translation>%1 set to %2 in the demo data</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="48"/>
        <source>%1 satt till %2 vid import</source>
        <translation>%1 set to %2 on import</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="49"/>
        <source>%1 satt till %2 vid import av %3</source>
        <translation>%1 set to %2 on import by %3</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="51"/>
        <source>%1 satt till %2 av %3</source>
        <translation>%1 set to %2 by %3</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/label_history_text.py" line="52"/>
        <source>%1 ändrad från %2 till %3 av %4</source>
        <translation>%1 changed from %2 to %3 by %4</translation>
    </message>
</context>
<context>
    <name>LabelSource</name>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="35"/>
        <source>bekräftad</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="36"/>
        <source>satt vid registreringen, ej granskad</source>
        <translation>set when logged, not reviewed</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="37"/>
        <source>modellens förslag</source>
        <translation>the model&apos;s suggestion</translation>
    </message>
</context>
<context>
    <name>LearningCurveView</name>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="23"/>
        <source>Andel rätt modul på nya bekräftade ärenden</source>
        <translation>Share of new confirmed tickets with the right module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="31"/>
        <source>Bekräftade etiketter som modellen lärt sig av</source>
        <translation>Confirmed labels the model learnt from</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="34"/>
        <source>Rätt modul (%)</source>
        <translation>Right module (%)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="50"/>
        <source>Varje punkt är en modellversion mätt på de nyaste bekräftade ärendena som den inte tränats på (nästan likadana ärenden borträknade); strecket visar osäkerheten (95 %). Den levererade modellen syns när den första omträningen mätt den på deskens egna ärenden.</source>
        <translation>Each point is a model version measured on the newest confirmed tickets it was not trained on (near-duplicates left out); the bar shows the uncertainty (95%). The shipped model appears once the first retrain has measured it on this desk&apos;s own tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="91"/>
        <source>Ingen punkt ännu: kurvan får sin första punkt när en omträning haft tillräckligt många nya bekräftade ärenden att mäta på.</source>
        <translation>No point yet: the curve gets its first point when a retrain has had enough new confirmed tickets to measure on.</translation>
    </message>
</context>
<context>
    <name>LikelyMistakesView</name>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="32"/>
        <source>Ärende</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="32"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="32"/>
        <source>Satt av en person</source>
        <translation>Set by a person</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="33"/>
        <source>Modellen säger</source>
        <translation>The model says</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="33"/>
        <source>Varifrån</source>
        <translation>Where from</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="35"/>
        <source>&amp;Ta modellens etikett</source>
        <translation>&amp;Take the model&apos;s label</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="37"/>
        <source>&amp;Öppna ärendet</source>
        <translation>&amp;Open the ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="43"/>
        <source>Varje ärende bedömdes av en modell som inte tränats på det. Överst står de där modellen är säkrast på att etiketten är fel; ofta en felknappning. Kontrollera innan du ändrar.</source>
        <translation>Each ticket was judged by a model that was not trained on it. At the top are those where the model is surest the label is wrong; often a slip of the key. Check before you change anything.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="78"/>
        <source>modul</source>
        <translation>module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="78"/>
        <source>typ</source>
        <translation>type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="82"/>
        <source>%1 (modellen: %2 %)</source>
        <translation>%1 (model: %2%)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="84"/>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2%)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="92"/>
        <source>Troliga felmärkningar, värst först: %1.</source>
        <translation>Likely label mistakes, worst first: %1.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/likely_mistakes_view.py" line="95"/>
        <source>Inga troliga felmärkningar: modellen håller med om de etiketter personer satt (eller så finns för få etiketter att kontrollera, minst 20 behövs).</source>
        <translation>No likely label mistakes: the model agrees with the labels people set (or there are too few labels to check; at least 20 are needed).</translation>
    </message>
</context>
<context>
    <name>LongTasksMixin</name>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="20"/>
        <source>Vänta tills pågående arbete är klart.</source>
        <translation>Please wait until the current task has finished.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="62"/>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="65"/>
        <source>Importera ärenden</source>
        <translation>Import tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="65"/>
        <source>Ärendefiler (*.jsonl *.csv *.xlsx)</source>
        <translation>Ticket files (*.jsonl *.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="84"/>
        <source>Import klar: %1 nya, %2 uppdaterade, %3 avvisade.</source>
        <translation>Import finished: %1 new, %2 updated, %3 rejected.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="87"/>
        <source>rad %1: %2</source>
        <translation>row %1: %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="88"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="94"/>
        <source>Importerar</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="116"/>
        <source>Lägger in demodata</source>
        <translation>Loading demo data</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="62"/>
        <source>elsdesk – ELS-stöd för Cosmic</source>
        <translation>elsdesk – ELS support for Cosmic</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="116"/>
        <source>Exporterat till %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="120"/>
        <source>Ärenden</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="121"/>
        <source>Utbildning</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="136"/>
        <source>&amp;Nytt ärende</source>
        <translation>&amp;New ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="136"/>
        <source>Logga ett nytt ärende (Ctrl+N)</source>
        <translation>Log a new ticket (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="137"/>
        <source>&amp;Öppna ärende</source>
        <translation>&amp;Open ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="137"/>
        <source>Öppna det markerade ärendet (Enter)</source>
        <translation>Open the selected ticket (Enter)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="138"/>
        <source>&amp;Importera…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="142"/>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="143"/>
        <source>&amp;Sök</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="144"/>
        <source>&amp;Uppdatera</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="145"/>
        <source>&amp;Träna om modellen</source>
        <translation>&amp;Retrain model</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="145"/>
        <source>Träna om på bekräftade etiketter</source>
        <translation>Retrain on confirmed labels</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="146"/>
        <source>&amp;Modell och kvalitet…</source>
        <translation>Model and &amp;quality…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="147"/>
        <source>Byt &amp;profil…</source>
        <translation>Change &amp;profile…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="149"/>
        <source>&amp;Inlärningskurva…</source>
        <translation>&amp;Learning curve…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="150"/>
        <source>&amp;Samstämmighet och oenigheter…</source>
        <translation>&amp;Agreement and disagreements…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="151"/>
        <source>Troliga &amp;felmärkningar…</source>
        <translation>Likely label &amp;mistakes…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="152"/>
        <source>Etiketter som modellen starkt tror är fel, värst först</source>
        <translation>Labels the model strongly believes are wrong, worst first</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="153"/>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="160"/>
        <source>&amp;Modell</source>
        <translation>&amp;Model</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="166"/>
        <source>&amp;Incidenter</source>
        <translation>&amp;Incidents</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="168"/>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="171"/>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="177"/>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="184"/>
        <location filename="../../elsdesk/gui/main_window.py" line="490"/>
        <source>Om elsdesk</source>
        <translation>About elsdesk</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="185"/>
        <source>Verktyg</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="199"/>
        <location filename="../../elsdesk/gui/main_window.py" line="311"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="283"/>
        <source>Ärende %1 sparat.</source>
        <translation>Ticket %1 saved.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="285"/>
        <source>Maskerat: %1.</source>
        <translation>Masked: %1.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="305"/>
        <source>Ärendet har ändrats</source>
        <translation>The ticket has changed</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="306"/>
        <source>%1 har sparats av någon annan (%2) sedan du öppnade det.</source>
        <translation>%1 was saved by someone else (%2) after you opened it.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="308"/>
        <source>Vill du skriva över med dina ändringar, eller se den nya versionen först?</source>
        <translation>Do you want to overwrite it with your changes, or see the new version first?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="309"/>
        <source>Skriv över med mina ändringar</source>
        <translation>Overwrite with my changes</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="310"/>
        <source>Visa den nya versionen</source>
        <translation>Show the new version</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="322"/>
        <source>Formuläret visar nu den senaste versionen.</source>
        <translation>The form now shows the latest version.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="324"/>
        <source>Inte sparat: ärendet har ändrats av någon annan.</source>
        <translation>Not saved: someone else has changed the ticket.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="346"/>
        <source>Visar %1 av %2 ärenden</source>
        <translation>Showing %1 of %2 tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="423"/>
        <source>Osparat ärende</source>
        <translation>Unsaved ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="424"/>
        <source>Ett ärende som inte hann sparas finns kvar: &quot;%1&quot;. Vill du fortsätta med det?</source>
        <translation>A ticket that was not saved is still available: &quot;%1&quot;. Do you want to continue with it?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="439"/>
        <source>Tom databas</source>
        <translation>Empty database</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="440"/>
        <source>Databasen är tom. Vill du lägga in demodata (en påhittad go-live-månad) för att prova elsdesk?</source>
        <translation>The database is empty. Do you want to load demo data (a fictitious go-live month) to try out elsdesk?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="465"/>
        <source>Språket byts när elsdesk startas om.</source>
        <translation>The language will change when elsdesk is restarted.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="490"/>
        <source>elsdesk %1
Databas: %2</source>
        <translation>elsdesk %1
Database: %2</translation>
    </message>
</context>
<context>
    <name>ModelActionsMixin</name>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="26"/>
        <source>Modell %1 laddad.</source>
        <translation>Model %1 loaded.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="32"/>
        <source>Inga förslag: %1 Välj Modell › Träna om modellen.</source>
        <translation>No suggestions: %1 Choose Model › Retrain model.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="91"/>
        <source>Ny modell %1 tränad på %2 bekräftade ärenden.</source>
        <translation>New model %1 trained on %2 confirmed tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="95"/>
        <source>Den nya modellen är aktiverad. En tidigare version kan återaktiveras under Modell › Modell och kvalitet.</source>
        <translation>The new model is active. An earlier version can be activated again under Model › Model and quality.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="97"/>
        <source>Den nya modellen hade färre rätt och aktiverades inte; den aktiva modellen är oförändrad.</source>
        <translation>The new model got fewer right and was not activated; the active model is unchanged.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="98"/>
        <source>Träning klar</source>
        <translation>Training finished</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="101"/>
        <source>Tränar modellen</source>
        <translation>Training the model</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="153"/>
        <source>Inlärningskurva</source>
        <translation>Learning curve</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="170"/>
        <source>Samstämmighet</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="189"/>
        <source>Troliga felmärkningar</source>
        <translation>Likely label mistakes</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="205"/>
        <source>Letar efter troliga felmärkningar</source>
        <translation>Looking for likely label mistakes</translation>
    </message>
</context>
<context>
    <name>ModelDialog</name>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="40"/>
        <source>Modell och kvalitet</source>
        <translation>Model and quality</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="42"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="42"/>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="42"/>
        <source>Bekräftade etiketter</source>
        <translation>Confirmed labels</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="43"/>
        <source>Kvalitet</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="50"/>
        <source>Visa &amp;tekniska siffror (precision, recall, macro-F1, gränser)</source>
        <translation>Show &amp;technical figures (precision, recall, macro-F1, cut-offs)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="52"/>
        <source>&amp;Aktivera vald version</source>
        <translation>&amp;Activate selected version</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="54"/>
        <source>&amp;Träna om nu</source>
        <translation>&amp;Retrain now</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="76"/>
        <location filename="../../elsdesk/gui/model_dialog.py" line="133"/>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="118"/>
        <source>rätt modul på %1 av %2 nya ärenden</source>
        <translation>right module on %1 of %2 new tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="120"/>
        <source>för få nya ärenden att mäta på</source>
        <translation>too few new tickets to measure on</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="123"/>
        <source>grundkorpusen: rätt modul på %1 %</source>
        <translation>seed corpus: right module on %1%</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="135"/>
        <source>Hur ofta har den rätt?</source>
        <translation>How often is it right?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="140"/>
        <source>Varje grundärende bedömdes av en modell som inte tränats på just det ärendet (korsvalidering): rätt modul på %1. Grundärendena är skrivna för att lära modellen; på en regions egna ärenden blir det ofta något annorlunda, vilket omträningen mäter.</source>
        <translation>Each seed ticket was judged by a model that was not trained on that ticket (cross-validation): right module on %1. The seed tickets were written to teach the model; on a region&apos;s own tickets the result is often somewhat different, which retraining measures.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="148"/>
        <source>%1: när modellen säger %1 har den rätt %2 av 100 gånger, och av ärendena som gäller %1 hittar den %3 av 100.</source>
        <translation>%1: when the model says %1 it is right %2 times in 100, and of the tickets about %1 it finds %3 in 100.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="151"/>
        <source>Svårast för modellen:</source>
        <translation>Hardest for the model:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="154"/>
        <source>Ärenden om %1 togs för %2 (%3 gånger)</source>
        <translation>Tickets about %1 were taken for %2 (%3 times)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="156"/>
        <source>Vanligaste förväxlingarna:</source>
        <translation>Most common mix-ups:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="157"/>
        <source>Vad betyder Hög, Medel och Låg?</source>
        <translation>What do High, Medium and Low mean?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="158"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="171"/>
        <source>Har lärt sig av %1 grundärenden som levereras med elsdesk.</source>
        <translation>Learnt from %1 seed tickets shipped with elsdesk.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="172"/>
        <source>Har lärt sig av %1 grundärenden och %2 ärenden som superanvändare bekräftat här</source>
        <translation>Learnt from %1 seed tickets and %2 tickets super-users confirmed here</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="174"/>
        <source>, plus %1 etiketter satta vid registreringen (de väger hälften så mycket)</source>
        <translation>, plus %1 labels set when tickets were logged (they weigh half as much)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="185"/>
        <source>Mätmetod</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="185"/>
        <source>Antal ärenden</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="186"/>
        <source>Träffsäkerhet (accuracy)</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="187"/>
        <source>Typ: träffsäkerhet</source>
        <translation>Type: accuracy</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="187"/>
        <source>Typ: macro-F1</source>
        <translation>Type: macro-F1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="191"/>
        <source>Jämförelse</source>
        <translation>Comparison</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="195"/>
        <source>Gränser (%1)</source>
        <translation>Cut-offs (%1)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="197"/>
        <source>Tekniska siffror</source>
        <translation>Technical figures</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="158"/>
        <location filename="../../elsdesk/gui/model_dialog.py" line="200"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="200"/>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
</context>
<context>
    <name>ModelWords</name>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="32"/>
        <source>Ingen modell tränad här ännu: bekräfta etiketter i granskningskön och träna om.</source>
        <translation>No model trained here yet: confirm labels in the review queue and retrain.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="35"/>
        <source>de nya bekräftade ärendena kommer från bara %1 moduler (minst %2 behövs)</source>
        <translation>the new confirmed tickets come from only %1 modules (at least %2 are needed)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="37"/>
        <source>inga nya bekräftade ärenden som ingen av modellerna tränats på (minst %1 behövs)</source>
        <translation>no new confirmed tickets that neither model was trained on (at least %1 are needed)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="40"/>
        <source>bara %1 nya bekräftade ärenden som ingen av modellerna tränats på (minst %2 behövs)</source>
        <translation>only %1 new confirmed tickets that neither model was trained on (at least %2 are needed)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="42"/>
        <source>Senaste träningen (%1) kunde inte jämföras med den förra modellen: %2.</source>
        <translation>The last training (%1) could not be compared with the previous model: %2.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="44"/>
        <source>Ärenden som nästan är kopior av träningsärenden räknades inte: %1 st.</source>
        <translation>Tickets that are near-copies of training tickets were not counted: %1.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="45"/>
        <source>Fler bekräftade ärenden behövs innan en siffra säger något.</source>
        <translation>More confirmed tickets are needed before a figure means anything.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="47"/>
        <source>Den nya modellen är bättre.</source>
        <translation>The new model is better.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="48"/>
        <source>Den nya modellen är sämre.</source>
        <translation>The new model is worse.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="49"/>
        <source>Skillnaden är inom osäkerheten: ingen av modellerna är säkert bättre.</source>
        <translation>The difference is within the uncertainty: neither model is surely better.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="51"/>
        <source>På de %1 nyaste bekräftade ärendena som ingen av modellerna tränats på hade den nya modellen (%2) rätt modul på %3 och den förra (%4) på %5.</source>
        <translation>On the %1 newest confirmed tickets neither model was trained on, the new model (%2) got the module right on %3 and the previous one (%4) on %5.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="55"/>
        <source>Skillnad %1 procentenheter; med 95 %-säkerhet mellan %2 och %3.</source>
        <translation>Difference %1 percentage points; with 95% certainty between %2 and %3.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="59"/>
        <source>Senaste träningen (%1) hade rätt modul på %2 av %3 nya bekräftade ärenden.</source>
        <translation>The last training (%1) got the module right on %2 of %3 new confirmed tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="61"/>
        <source>Senaste träningen (%1) mättes innan jämförelsen fanns.</source>
        <translation>The last training (%1) was measured before this comparison existed.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="67"/>
        <source>%1 % eller mer</source>
        <translation>%1% or more</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="67"/>
        <source>%1–%2 %</source>
        <translation>%1–%2%</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="68"/>
        <source>under %1 %</source>
        <translation>below %1%</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="73"/>
        <source>%1 betyder att modellen anger %2.</source>
        <translation>%1 means the model gives %2.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="75"/>
        <source>När modellen säger %1 om typen (%2) har den haft rätt %3 av 100 gånger.</source>
        <translation>When the model says %1 about the type (%2) it has been right %3 times in 100.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="78"/>
        <source>När modellen säger %1 (%2) har den haft rätt %3 av 100 gånger.</source>
        <translation>When the model says %1 (%2) it has been right %3 times in 100.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="84"/>
        <source>Hur ofta modellen haft rätt i varje nivå är inte mätt för den här versionen; gränserna gäller ändå för alla moduler.</source>
        <translation>How often the model has been right at each level is not measured for this version; the cut-offs still hold for every module.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="85"/>
        <source>grundärenden, vart och ett bedömt av en modell som inte tränats på det</source>
        <translation>seed tickets, each judged by a model that was not trained on it</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="86"/>
        <source>av de nyaste bekräftade ärendena, som modellen inte tränats på</source>
        <translation>of the newest confirmed tickets, which the model was not trained on</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="87"/>
        <source>ärenden modellen inte tränats på</source>
        <translation>tickets the model was not trained on</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="88"/>
        <source>Samma gränser gäller för alla moduler. Mätt på %1 %2.</source>
        <translation>The same cut-offs hold for every module. Measured on %1 %2.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_words.py" line="92"/>
        <source>%1 av %2 (%3 %)</source>
        <translation>%1 of %2 (%3%)</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="23"/>
        <source>Din profil</source>
        <translation>Your profile</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="24"/>
        <source>Namnet sparas i etiketthistoriken när du bekräftar etiketter. Rollen avgör vilka vyer du får.</source>
        <translation>Your name is recorded in the label history when you confirm labels. Your role decides which views you get.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="29"/>
        <source>Förnamn Efternamn</source>
        <translation>First name Last name</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="42"/>
        <source>&amp;Namn</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="43"/>
        <source>&amp;Roll</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="45"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="46"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="77"/>
        <source>Ärenden och granskningskön: bekräfta eller rätta modul och typ.</source>
        <translation>Tickets and the review queue: confirm or correct module and type.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="78"/>
        <source>Ärenden och utbildningsvyn: återkommande ämnen och agenda.</source>
        <translation>Tickets and the training view: recurring topics and agenda.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/profile_dialog.py" line="79"/>
        <source>Ärenden: logga, sök och följ upp.</source>
        <translation>Tickets: log, search and follow up.</translation>
    </message>
</context>
<context>
    <name>ReviewActionsMixin</name>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="77"/>
        <source>Granskning</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="86"/>
        <source>Profil: %1, %2.</source>
        <translation>Profile: %1, %2.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="99"/>
        <source>Träna om modellen?</source>
        <translation>Retrain the model?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="100"/>
        <source>%1 etiketter har bekräftats sedan den senaste träningen. Vill du träna om modellen nu? Du ser kvaliteten före och efter när den är klar.</source>
        <translation>%1 labels have been confirmed since the last training. Do you want to retrain the model now? You will see the quality before and after when it has finished.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="103"/>
        <source>Träna om nu</source>
        <translation>Retrain now</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="104"/>
        <source>Senare</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>ReviewCard</name>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="79"/>
        <source>ej klassad</source>
        <translation>not classified</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="83"/>
        <source>nu: %1</source>
        <translation>now: %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="99"/>
        <source>(förslag)</source>
        <translation>(suggestion)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="100"/>
        <source>Typ:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="108"/>
        <source>Inga förslag från modellen – välj modul med /.</source>
        <translation>No suggestions from the model – choose a module with /.</translation>
    </message>
</context>
<context>
    <name>ReviewQueueView</name>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="81"/>
        <source>Osäkrast först</source>
        <translation>Least certain first</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="81"/>
        <source>Nyast först</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="81"/>
        <source>Per modul</source>
        <translation>By module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="90"/>
        <source>Ordning (s):</source>
        <translation>Order (s):</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="99"/>
        <source>Annan modul: tryck / och skriv, Enter väljer, Esc tillbaka</source>
        <translation>Other module: press / and type, Enter selects, Esc goes back</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="103"/>
        <source>Ingen modul heter så.</source>
        <translation>No module has that name.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="107"/>
        <source>Enter = förslag 1 · 1–3 = välj förslag · / eller m = annan modul · h f k d o = typ · Mellanslag = hoppa över · s = ordning · Ctrl+Z = ångra</source>
        <translation>Enter = suggestion 1 · 1–3 = choose suggestion · / or m = other module · h f k d o = type · Space = skip · s = order · Ctrl+Z = undo</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="140"/>
        <source>Sorterar om…</source>
        <translation>Re-sorting…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="225"/>
        <source>Inget sådant förslag – välj modul med /.</source>
        <translation>No such suggestion – choose a module with /.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="366"/>
        <source>Bekräftat %1: %2 / %3. Ctrl+Z ångrar.</source>
        <translation>Confirmed %1: %2 / %3. Ctrl+Z to undo.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="393"/>
        <source>Inget att ångra.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="402"/>
        <source>Beslutet ångrat.</source>
        <translation>Decision undone.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="432"/>
        <source>Kvar att granska: %1</source>
        <translation>Left to review: %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="435"/>
        <source>Inget kvar att granska.</source>
        <translation>Nothing left to review.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="435"/>
        <source>Laddar kön…</source>
        <translation>Loading the queue…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="441"/>
        <source>Laddar ärendet…</source>
        <translation>Loading the ticket…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="448"/>
        <source>Liknande ärenden visas när sökindexet är klart.</source>
        <translation>Similar tickets will appear when the search index is ready.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_queue_view.py" line="449"/>
        <source>Inga liknande tidigare ärenden.</source>
        <translation>No similar earlier tickets.</translation>
    </message>
</context>
<context>
    <name>SimilarTicketsView</name>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="26"/>
        <source>Liknande tidigare ärenden</source>
        <translation>Similar earlier tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="31"/>
        <source>Likhet</source>
        <translation>Match</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="31"/>
        <source>Ärende</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="31"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="31"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="31"/>
        <source>Lösning</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="51"/>
        <source>Inga liknande ärenden ännu.</source>
        <translation>No similar tickets yet.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/similar_tickets_view.py" line="69"/>
        <source>Inga liknande ärenden.</source>
        <translation>No similar tickets.</translation>
    </message>
</context>
<context>
    <name>TicketDetailsView</name>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="26"/>
        <source>Välj ett ärende i listan.</source>
        <translation>Select a ticket in the list.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="30"/>
        <source>ej klassad</source>
        <translation>not classified</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="32"/>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="33"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="34"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="35"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="36"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="37"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="38"/>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="39"/>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="40"/>
        <source>patientsäkerhet</source>
        <translation>patient safety</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="41"/>
        <source>Eskalerad till</source>
        <translation>Escalated to</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="46"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="50"/>
        <source>Lösning</source>
        <translation>Resolution</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="57"/>
        <source>Etiketthistorik</source>
        <translation>Label history</translation>
    </message>
</context>
<context>
    <name>TicketForm</name>
    <message>
        <location filename="../../ui/ticket_form.ui" line="17"/>
        <source>&amp;Rubrik</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="18"/>
        <source>Kort sammanfattning, t.ex. &quot;Kan inte signera dos i utdelningsvyn&quot;</source>
        <translation>Short summary, e.g. &quot;Cannot sign dose in the administration view&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="19"/>
        <source>&amp;Beskrivning</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="20"/>
        <source>Vad försökte användaren göra, vad hände? Skriv inga personnummer – de maskeras automatiskt.</source>
        <translation>What was the user trying to do, and what happened? Do not enter personal identity numbers – they are masked automatically.</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="21"/>
        <source>Förslag</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="22"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="23"/>
        <source>&amp;Modul</source>
        <translation>&amp;Module</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="25"/>
        <source>&amp;Typ</source>
        <translation>T&amp;ype</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="27"/>
        <source>R&amp;oll</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="29"/>
        <source>&amp;Enhet</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="30"/>
        <source>t.ex. Avd 12 medicin, Akutmottagningen</source>
        <translation>e.g. Ward 12 Medicine, Emergency Department</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="31"/>
        <source>&amp;Kanal</source>
        <translation>&amp;Channel</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="33"/>
        <source>&amp;Prioritet</source>
        <translation>&amp;Priority</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="37"/>
        <source>P&amp;atientsäkerhet påverkas</source>
        <translation>P&amp;atient safety affected</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="41"/>
        <source>&amp;Status</source>
        <translation>&amp;Status</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="43"/>
        <source>Es&amp;kalera till</source>
        <translation>&amp;Escalate to</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="45"/>
        <source>&amp;Lösning</source>
        <translation>Reso&amp;lution</translation>
    </message>
    <message>
        <location filename="../../ui/ticket_form.ui" line="51"/>
        <source>Ctrl+Enter sparar · Esc avbryter · Ctrl+1–3 tar ett modulförslag · Ctrl+T tar typförslaget</source>
        <translation>Ctrl+Enter saves · Esc cancels · Ctrl+1–3 take a module suggestion · Ctrl+T takes the type suggestion</translation>
    </message>
</context>
<context>
    <name>TicketFormDialog</name>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="45"/>
        <source>Nytt ärende</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="45"/>
        <source>Ärende %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="50"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="51"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="100"/>
        <source>– välj modul –</source>
        <translation>– choose module –</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="101"/>
        <source>– välj typ –</source>
        <translation>– choose type –</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="102"/>
        <source>– okänd –</source>
        <translation>– unknown –</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="106"/>
        <source>– ingen –</source>
        <translation>– none –</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="173"/>
        <source>Skriv en rubrik eller beskrivning innan du sparar.</source>
        <translation>Enter a title or description before saving.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="255"/>
        <source>Inga förslag: modellen är inte laddad</source>
        <translation>No suggestions: the model is not loaded</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="267"/>
        <source>Typ:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="296"/>
        <source>Identifierare upptäckta (%1). De ersätts med platshållare, t.ex. [personnummer], när ärendet sparas.</source>
        <translation>Identifiers detected (%1). They will be replaced with placeholders, e.g. [personnummer], when the ticket is saved.</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="49"/>
        <source>Ärende</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="49"/>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="49"/>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="49"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="50"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="50"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="50"/>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="50"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
</context>
<context>
    <name>TrainingLeadView</name>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="26"/>
        <source>ny</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="26"/>
        <source>ökande</source>
        <translation>rising</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="27"/>
        <source>stabil</source>
        <translation>steady</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="27"/>
        <source>minskande</source>
        <translation>falling</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="31"/>
        <source>Webbsida (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="34"/>
        <source>På agendan</source>
        <translation>On agenda</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="35"/>
        <source>Ämne</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="36"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="37"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="38"/>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="39"/>
        <source>Förra v.</source>
        <translation>Last week</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="40"/>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="41"/>
        <source>Veckor</source>
        <translation>Weeks</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="42"/>
        <source>Genomgånget</source>
        <translation>Covered</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="69"/>
        <source>Räkna om</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="70"/>
        <source>&amp;Exportera…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="75"/>
        <source>Vecka:</source>
        <translation>Week:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="75"/>
        <source>Go-live:</source>
        <translation>Go-live:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="92"/>
        <source>Välj/avvälj för agendan (Mellanslag)</source>
        <translation>Add to/remove from agenda (Space)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="93"/>
        <source>Byt namn (F2)</source>
        <translation>Rename (F2)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="94"/>
        <source>Slå ihop markerade</source>
        <translation>Merge selected</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="95"/>
        <source>Dela</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="96"/>
        <source>Markera genomgånget idag</source>
        <translation>Mark as covered today</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="156"/>
        <source>Räknar fram veckans ämnen…</source>
        <translation>Calculating this week&apos;s topics…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="184"/>
        <source>%1 · %2 ärenden · %3 återkommande ämnen</source>
        <translation>%1 · %2 tickets · %3 recurring topics</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="237"/>
        <source>Ärenden per vecka och modul sedan go-live</source>
        <translation>Tickets per week and module since go-live</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="241"/>
        <source>Största ämnenas utveckling</source>
        <translation>Trend of the largest topics</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="253"/>
        <source>Ärenden</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="305"/>
        <source>Byt namn på ämne</source>
        <translation>Rename topic</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="305"/>
        <source>Nytt namn:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="315"/>
        <source>Slå ihop</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="315"/>
        <source>Markera minst två ämnen (Ctrl+klick).</source>
        <translation>Select at least two topics (Ctrl+click).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="411"/>
        <source>Exportera vecka %1</source>
        <translation>Export week %1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../elsdesk/gui/app.py" line="112"/>
        <source>Databasen %1 kan inte öppnas: %2</source>
        <translation>The database %1 cannot be opened: %2</translation>
    </message>
</context>
<context>
    <name>charts</name>
    <message>
        <location filename="../../elsdesk/gui/charts.py" line="22"/>
        <source>v%1</source>
        <translation>W%1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/charts.py" line="54"/>
        <source>Övriga</source>
        <translation>Other</translation>
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
        <source>Uppdatera listan; ärendet kan ha tagits bort.</source>
        <translation>Refresh the list; the ticket may have been deleted.</translation>
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
        <location filename="../../elsdesk/gui/pdf_export.py" line="81"/>
        <source>kan inte skriva PDF till %1</source>
        <translation>cannot write PDF to %1</translation>
    </message>
</context>
</TS>
