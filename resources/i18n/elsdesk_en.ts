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
        <location filename="../../elsdesk/gui/review_card.py" line="16"/>
        <source>Hög</source>
        <translation>High</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="16"/>
        <source>Medel</source>
        <translation>Medium</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="17"/>
        <source>Låg</source>
        <translation>Low</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="21"/>
        <source>Sök i ärenden (Ctrl+F) – t.ex. utdeln signer</source>
        <translation>Search tickets (Ctrl+F) – e.g. utdeln signer</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="23"/>
        <source>Alla statusar</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="24"/>
        <source>Alla moduler</source>
        <translation>All modules</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="25"/>
        <source>(ej klassad)</source>
        <translation>(not classified)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="26"/>
        <source>Alla typer</source>
        <translation>All types</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="27"/>
        <location filename="../../elsdesk/gui/filter_bar.py" line="59"/>
        <source>Alla veckor</source>
        <translation>All weeks</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="29"/>
        <source>Rensa</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/filter_bar.py" line="30"/>
        <source>Rensa alla filter</source>
        <translation>Clear all filters</translation>
    </message>
</context>
<context>
    <name>IncidentActionsMixin</name>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="40"/>
        <source>Möjlig incident: %1 (%2 ärenden från %3 enheter). Se menyn Incidenter.</source>
        <translation>Possible incident: %1 (%2 tickets from %3 units). See the Incidents menu.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="47"/>
        <source>Inga möjliga incidenter</source>
        <translation>No possible incidents</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="51"/>
        <source>Visa ärendena tillsammans</source>
        <translation>Show the tickets together</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="52"/>
        <source>Bekräfta incident</source>
        <translation>Confirm incident</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="53"/>
        <source>Avfärda</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/incident_actions.py" line="55"/>
        <source>Visa alla ärenden</source>
        <translation>Show all tickets</translation>
    </message>
</context>
<context>
    <name>LearningCurveView</name>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="20"/>
        <source>Inlärningskurva: bekräftade etiketter och macro-F1</source>
        <translation>Learning curve: confirmed labels and macro-F1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="28"/>
        <source>Bekräftade etiketter</source>
        <translation>Confirmed labels</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="31"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="44"/>
        <source>Den levererade modellen mäts med korsvalidering på grundkorpusen, tränade versioner på undanhållna bekräftade ärenden.</source>
        <translation>The shipped model is measured by cross-validation on the base corpus; retrained versions on held-out confirmed tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="74"/>
        <source>Ingen modell tränad här ännu: bekräfta etiketter i granskningskön och träna om.</source>
        <translation>No model has been trained here yet: confirm labels in the review queue and retrain.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="76"/>
        <source>Senaste träningen (%1) använde %2 bekräftade etiketter; för få för en jämförelse.</source>
        <translation>The last training (%1) used %2 confirmed labels; too few for a comparison.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="78"/>
        <source>bättre</source>
        <translation>better</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="78"/>
        <source>oförändrad</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="78"/>
        <source>sämre</source>
        <translation>worse</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/learning_curve_view.py" line="79"/>
        <source>Senaste träningen (%1, %2 bekräftade etiketter): macro-F1 före %3 → efter %4 (%5) på %6 undanhållna bekräftade ärenden.</source>
        <translation>Last training (%1, %2 confirmed labels): macro-F1 before %3 → after %4 (%5) on %6 held-out confirmed tickets.</translation>
    </message>
</context>
<context>
    <name>LongTasksMixin</name>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="19"/>
        <source>Vänta tills pågående arbete är klart.</source>
        <translation>Please wait until the current task has finished.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="61"/>
        <source>Avbryter…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="64"/>
        <source>Importera ärenden</source>
        <translation>Import tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="64"/>
        <source>Ärendefiler (*.jsonl *.csv *.xlsx)</source>
        <translation>Ticket files (*.jsonl *.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="83"/>
        <source>Import klar: %1 nya, %2 uppdaterade, %3 avvisade.</source>
        <translation>Import finished: %1 new, %2 updated, %3 rejected.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="86"/>
        <source>rad %1: %2</source>
        <translation>row %1: %2</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="87"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="93"/>
        <source>Importerar</source>
        <translation>Importing</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="103"/>
        <source>%1 demoärenden inlagda.</source>
        <translation>%1 demo tickets loaded.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/long_tasks.py" line="107"/>
        <source>Lägger in demodata</source>
        <translation>Loading demo data</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="55"/>
        <source>elsdesk – ELS-stöd för Cosmic</source>
        <translation>elsdesk – ELS support for Cosmic</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="102"/>
        <source>Exporterat till %1</source>
        <translation>Exported to %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="106"/>
        <source>Ärenden</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="107"/>
        <source>Utbildning</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="122"/>
        <source>&amp;Nytt ärende</source>
        <translation>&amp;New ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="122"/>
        <source>Logga ett nytt ärende (Ctrl+N)</source>
        <translation>Log a new ticket (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="123"/>
        <source>&amp;Öppna ärende</source>
        <translation>&amp;Open ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="123"/>
        <source>Öppna det markerade ärendet (Enter)</source>
        <translation>Open the selected ticket (Enter)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="124"/>
        <source>&amp;Importera…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="125"/>
        <source>Lägg in &amp;demodata</source>
        <translation>Load &amp;demo data</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="126"/>
        <source>&amp;Avsluta</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="127"/>
        <source>&amp;Sök</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="128"/>
        <source>&amp;Uppdatera</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="129"/>
        <source>&amp;Träna om modellen</source>
        <translation>&amp;Retrain model</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="129"/>
        <source>Träna om på bekräftade etiketter</source>
        <translation>Retrain on confirmed labels</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="130"/>
        <source>&amp;Modell och kvalitet…</source>
        <translation>Model and &amp;quality…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="131"/>
        <source>Byt &amp;profil…</source>
        <translation>Change &amp;profile…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="132"/>
        <source>&amp;Inlärningskurva…</source>
        <translation>&amp;Learning curve…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="133"/>
        <source>&amp;Samstämmighet och oenigheter…</source>
        <translation>&amp;Agreement and disagreements…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="134"/>
        <source>&amp;Arkiv</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="140"/>
        <source>&amp;Modell</source>
        <translation>&amp;Model</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="145"/>
        <source>&amp;Incidenter</source>
        <translation>&amp;Incidents</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="147"/>
        <source>&amp;Visa</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="150"/>
        <source>Språk</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="156"/>
        <source>&amp;Hjälp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="157"/>
        <location filename="../../elsdesk/gui/main_window.py" line="368"/>
        <source>Om elsdesk</source>
        <translation>About elsdesk</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="158"/>
        <source>Verktyg</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="172"/>
        <location filename="../../elsdesk/gui/main_window.py" line="269"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="241"/>
        <source>Ärende %1 sparat.</source>
        <translation>Ticket %1 saved.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="243"/>
        <source>Maskerat: %1.</source>
        <translation>Masked: %1.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="263"/>
        <source>Ärendet har ändrats</source>
        <translation>The ticket has changed</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="264"/>
        <source>%1 har sparats av någon annan (%2) sedan du öppnade det.</source>
        <translation>%1 was saved by someone else (%2) after you opened it.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="266"/>
        <source>Vill du skriva över med dina ändringar, eller se den nya versionen först?</source>
        <translation>Do you want to overwrite it with your changes, or see the new version first?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="267"/>
        <source>Skriv över med mina ändringar</source>
        <translation>Overwrite with my changes</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="268"/>
        <source>Visa den nya versionen</source>
        <translation>Show the new version</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="279"/>
        <source>Formuläret visar nu den senaste versionen.</source>
        <translation>The form now shows the latest version.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="281"/>
        <source>Inte sparat: ärendet har ändrats av någon annan.</source>
        <translation>Not saved: someone else has changed the ticket.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="303"/>
        <source>Visar %1 av %2 ärenden</source>
        <translation>Showing %1 of %2 tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="341"/>
        <source>Osparat ärende</source>
        <translation>Unsaved ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="342"/>
        <source>Ett ärende som inte hann sparas finns kvar: &quot;%1&quot;. Vill du fortsätta med det?</source>
        <translation>A ticket that was not saved is still available: &quot;%1&quot;. Do you want to continue with it?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="357"/>
        <source>Tom databas</source>
        <translation>Empty database</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="358"/>
        <source>Databasen är tom. Vill du lägga in demodata (en påhittad go-live-månad) för att prova elsdesk?</source>
        <translation>The database is empty. Do you want to load demo data (a fictitious go-live month) to try out elsdesk?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="365"/>
        <source>Språket byts när elsdesk startas om.</source>
        <translation>The language will change when elsdesk is restarted.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/main_window.py" line="368"/>
        <source>elsdesk %1
Databas: %2</source>
        <translation>elsdesk %1
Database: %2</translation>
    </message>
</context>
<context>
    <name>ModelActionsMixin</name>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="24"/>
        <source>Modell %1 laddad.</source>
        <translation>Model %1 loaded.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="30"/>
        <source>Inga förslag: %1 Välj Modell › Träna om modellen.</source>
        <translation>No suggestions: %1 Choose Model › Retrain model.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="81"/>
        <source>Ny modell %1: macro-F1 %2 → %3 på %4 undanhållna bekräftade ärenden.</source>
        <translation>New model %1: macro-F1 %2 → %3 on %4 held-out confirmed tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="84"/>
        <source>Ny modell %1 tränad på %2 bekräftade ärenden.</source>
        <translation>New model %1 trained on %2 confirmed tickets.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="85"/>
        <source>Den är aktiverad.</source>
        <translation>It has been activated.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="85"/>
        <source>Den var sämre och aktiverades inte.</source>
        <translation>It performed worse and was not activated.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="86"/>
        <source>Träning klar</source>
        <translation>Training finished</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="89"/>
        <source>Tränar modellen</source>
        <translation>Training the model</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="117"/>
        <source>Inlärningskurva</source>
        <translation>Learning curve</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_actions.py" line="143"/>
        <source>Samstämmighet</source>
        <translation>Agreement</translation>
    </message>
</context>
<context>
    <name>ModelDialog</name>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="24"/>
        <source>Modell och kvalitet</source>
        <translation>Model and quality</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="26"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="26"/>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="26"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="26"/>
        <source>Bekräftade etiketter</source>
        <translation>Confirmed labels</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="33"/>
        <source>&amp;Aktivera vald version</source>
        <translation>&amp;Activate selected version</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="35"/>
        <source>&amp;Träna om nu</source>
        <translation>&amp;Retrain now</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="56"/>
        <source>aktiv</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="88"/>
        <source>Mätt med:</source>
        <translation>Measured with:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="97"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="97"/>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="98"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="98"/>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="106"/>
        <source>Vanligaste förväxlingar:</source>
        <translation>Most common confusions:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/model_dialog.py" line="110"/>
        <source>Före: %1 hade macro-F1 %2 på samma ärenden.</source>
        <translation>Before: %1 had macro-F1 %2 on the same tickets.</translation>
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
        <location filename="../../elsdesk/gui/review_actions.py" line="56"/>
        <source>Granskning</source>
        <translation>Review</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="65"/>
        <source>Profil: %1, %2.</source>
        <translation>Profile: %1, %2.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="78"/>
        <source>Träna om modellen?</source>
        <translation>Retrain the model?</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="79"/>
        <source>%1 etiketter har bekräftats sedan den senaste träningen. Vill du träna om modellen nu? Du ser kvaliteten före och efter när den är klar.</source>
        <translation>%1 labels have been confirmed since the last training. Do you want to retrain the model now? You will see the quality before and after when it has finished.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="82"/>
        <source>Träna om nu</source>
        <translation>Retrain now</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_actions.py" line="83"/>
        <source>Senare</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>ReviewCard</name>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="62"/>
        <source>ej klassad</source>
        <translation>not classified</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="63"/>
        <source>bekräftad</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="63"/>
        <source>modellens förslag</source>
        <translation>model&apos;s suggestion</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="66"/>
        <source>nu: %1</source>
        <translation>now: %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="78"/>
        <source>(förslag)</source>
        <translation>(suggestion)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="79"/>
        <source>Typ:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/review_card.py" line="87"/>
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
        <location filename="../../elsdesk/gui/ticket_details.py" line="24"/>
        <source>Välj ett ärende i listan.</source>
        <translation>Select a ticket in the list.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="28"/>
        <source>bekräftad</source>
        <translation>confirmed</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="29"/>
        <source>förslag från modellen</source>
        <translation>suggested by the model</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="29"/>
        <source>ej klassad</source>
        <translation>not classified</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="31"/>
        <source>Skapad</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="32"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="33"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="34"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="35"/>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="36"/>
        <source>Enhet</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="37"/>
        <source>Kanal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="38"/>
        <source>Prioritet</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="39"/>
        <source>patientsäkerhet</source>
        <translation>patient safety</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="40"/>
        <source>Eskalerad till</source>
        <translation>Escalated to</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="45"/>
        <source>Beskrivning</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_details.py" line="49"/>
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
        <source>Ctrl+Enter sparar · Esc avbryter · Ctrl+1–3 väljer förslag</source>
        <translation>Ctrl+Enter saves · Esc cancels · Ctrl+1–3 chooses a suggestion</translation>
    </message>
</context>
<context>
    <name>TicketFormDialog</name>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="39"/>
        <source>Nytt ärende</source>
        <translation>New ticket</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="39"/>
        <source>Ärende %1</source>
        <translation>Ticket %1</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="44"/>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="45"/>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="90"/>
        <source>– välj modul –</source>
        <translation>– choose module –</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="91"/>
        <source>– välj typ –</source>
        <translation>– choose type –</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="92"/>
        <source>– okänd –</source>
        <translation>– unknown –</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="96"/>
        <source>– ingen –</source>
        <translation>– none –</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="147"/>
        <source>Skriv en rubrik eller beskrivning innan du sparar.</source>
        <translation>Enter a title or description before saving.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="177"/>
        <source>Inga förslag: modellen är inte laddad</source>
        <translation>No suggestions: the model is not loaded</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/ticket_form.py" line="209"/>
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
    <message>
        <location filename="../../elsdesk/gui/ticket_table_model.py" line="127"/>
        <source>Möjlig incident %1: flera enheter rapporterar samma sak.</source>
        <translation>Possible incident %1: several units are reporting the same thing.</translation>
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
        <location filename="../../elsdesk/gui/training_view.py" line="30"/>
        <source>Webbsida (*.html)</source>
        <translation>Web page (*.html)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="33"/>
        <source>På agendan</source>
        <translation>On agenda</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="34"/>
        <source>Ämne</source>
        <translation>Topic</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="35"/>
        <source>Modul</source>
        <translation>Module</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="36"/>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="37"/>
        <source>Antal</source>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="38"/>
        <source>Förra v.</source>
        <translation>Last week</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="39"/>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="40"/>
        <source>Veckor</source>
        <translation>Weeks</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="41"/>
        <source>Genomgånget</source>
        <translation>Covered</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="66"/>
        <source>Räkna om</source>
        <translation>Recalculate</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="67"/>
        <source>&amp;Exportera…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="72"/>
        <source>Vecka:</source>
        <translation>Week:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="72"/>
        <source>Go-live:</source>
        <translation>Go-live:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="89"/>
        <source>Välj/avvälj för agendan (Mellanslag)</source>
        <translation>Add to/remove from agenda (Space)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="90"/>
        <source>Byt namn (F2)</source>
        <translation>Rename (F2)</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="91"/>
        <source>Slå ihop markerade</source>
        <translation>Merge selected</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="92"/>
        <source>Dela</source>
        <translation>Split</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="93"/>
        <source>Markera genomgånget idag</source>
        <translation>Mark as covered today</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="139"/>
        <source>Räknar fram veckans ämnen…</source>
        <translation>Calculating this week&apos;s topics…</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="165"/>
        <source>%1 · %2 ärenden · %3 återkommande ämnen</source>
        <translation>%1 · %2 tickets · %3 recurring topics</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="206"/>
        <source>Ärenden per vecka och modul sedan go-live</source>
        <translation>Tickets per week and module since go-live</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="210"/>
        <source>Största ämnenas utveckling</source>
        <translation>Trend of the largest topics</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="222"/>
        <source>Ärenden</source>
        <translation>Tickets</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="274"/>
        <source>Byt namn på ämne</source>
        <translation>Rename topic</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="274"/>
        <source>Nytt namn:</source>
        <translation>New name:</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="284"/>
        <source>Slå ihop</source>
        <translation>Merge</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="284"/>
        <source>Markera minst två ämnen (Ctrl+klick).</source>
        <translation>Select at least two topics (Ctrl+click).</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/training_view.py" line="324"/>
        <source>Exportera vecka %1</source>
        <translation>Export week %1</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../elsdesk/gui/app.py" line="73"/>
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
        <location filename="../../elsdesk/gui/notify.py" line="19"/>
        <source>Rätta uppgiften och försök igen.</source>
        <translation>Correct the information and try again.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="21"/>
        <source>Öppna ärendet igen för att se den senaste versionen innan du ändrar.</source>
        <translation>Reopen the ticket to see the latest version before making changes.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="23"/>
        <source>Uppdatera listan; ärendet kan ha tagits bort.</source>
        <translation>Refresh the list; the ticket may have been deleted.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="25"/>
        <source>Databasen kunde inte läsas eller skrivas.</source>
        <translation>The database could not be read or written.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="25"/>
        <source>Försök igen om en stund. Om felet består, kontakta IT och uppge databasfilens sökväg.</source>
        <translation>Try again in a moment. If the problem persists, contact IT and give the path of the database file.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="29"/>
        <source>Filen kunde inte läsas eller skrivas: </source>
        <translation>The file could not be read or written: </translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="29"/>
        <source>Kontrollera sökvägen och behörigheten.</source>
        <translation>Check the path and the permissions.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="30"/>
        <source>Något gick fel: </source>
        <translation>Something went wrong: </translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="30"/>
        <source>Försök igen. Detaljer finns i loggen.</source>
        <translation>Try again. Details are in the log.</translation>
    </message>
    <message>
        <location filename="../../elsdesk/gui/notify.py" line="36"/>
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
