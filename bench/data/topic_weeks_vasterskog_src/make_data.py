import csv, io, random, datetime, json
import tickets_src as t
rnd = random.Random(45)
days = [datetime.date(2026,11,2)+datetime.timedelta(d) for d in range(5)]
span = {"siths_windows_update":(1,3),"stafettlakare_roll":(1,4),"remissvar_kommer_ej":(1,4)}
RES = {"armband_skrivare":["Kön rensad, skrivaren omstartad av IT.","Eskalerat till IT (skrivarkö)."],
 "siths_windows_update":["Eskalerat till IT, känt fel efter Windows-uppdatering; tillfälligt: avinstallera uppdatering.","Kortläsardrivrutin ominstallerad."],
 "stafettlakare_roll":["Vidarebefordrat till behörighetsadministrationen."],
 "lm_lista_uppdateras_ej":["Eskalerat till Cambio."],
 "tidbok_dubbelbokning":["Eskalerat till regional förvaltning."],
 "news2_syrgasfalt_saknas":["Beställning till förvaltningen om mallen."],
 "signera_given_dos":["Visat i telefon, lathund skickad."],
 "webcert_sjukintyg":["Guidat i telefon."],
 "vidimera_provsvar":["Visat arbetslistan Osignerade svar."],
 "remissvar_kommer_ej":["Eskalerat till Cambio."]}
handl = ["Kim Andersson","Robin Persson","Elsa Grön","Omar Haddad","Lisa Vik"]
rows = []
def stamp(day):
    # mostly office hours, some evening/night
    r = rnd.random()
    if r < 0.08: h = rnd.choice([6,21,22,2,3])
    elif r < 0.2: h = rnd.choice([16,17,18,19,20])
    else: h = rnd.choice([7,8,8,9,9,10,10,11,13,13,14,14,15])
    return datetime.datetime.combine(day, datetime.time(h, rnd.randrange(60), rnd.randrange(60)))
for slug,(mod,kind,items) in t.P.items():
    a,b = span.get(slug,(0,4))
    for i,it in enumerate(items):
        title,desc,unit,role = it[:4]; note = it[4] if len(it)>4 else ""
        di = a + int(i*(b-a+1)/len(items))
        k = kind
        if slug=="stafettlakare_roll" and title.startswith("Behörighet för hyrläkare"): k="handhavande"
        rows.append(dict(title=title,desc=desc,unit=unit,role=role,problem=slug,module=mod,kind=k,note=note,when=stamp(days[di]),res=rnd.choice(RES[slug]) if rnd.random()<0.35 else ""))
for it in t.ONEOFF:
    title,desc,unit,role,mod,kind = it[:6]; note = it[6] if len(it)>6 else ""
    w = [0.3,0.25,0.2,0.13,0.12]
    di = rnd.choices(range(5),weights=w)[0]
    rows.append(dict(title=title,desc=desc,unit=unit,role=role,problem="oneoff",module=mod,kind=kind,note=note,when=stamp(days[di]),res=""))
rows.sort(key=lambda r:r["when"])
for n,r in enumerate(rows):
    r["id"]=f"VS-{104211+n}"
    r["status"]=("Löst" if r["res"] else rnd.choice(["Ny","Pågår","Pågår","Väntar på användare"]))
    r["kanal"]=rnd.choice(["Telefon","Telefon","E-post","Självservice","På plats"])
    r["handl"]=rnd.choice(handl)
hdr=["Ärendenr","Skapad","Rubrik","Beskrivning","Enhet","Yrkesroll","Kanal","Status","Handläggare","Åtgärd"]
buf=io.StringIO()
w=csv.writer(buf,delimiter=";",lineterminator="\r\n",quoting=csv.QUOTE_MINIMAL)
w.writerow(hdr)
for r in rows:
    desc=r["desc"].replace("\r\n","\n").replace("\n","\r\n")
    w.writerow([r["id"],r["when"].strftime("%d.%m.%Y %H:%M"),r["title"],desc,r["unit"],r["role"],r["kanal"],r["status"],r["handl"],r["res"]])
open("vasterskog_w45.csv","wb").write(buf.getvalue().encode("cp1252"))
import openpyxl
wb=openpyxl.Workbook(); ws=wb.active; ws.title="Ärenden"; ws.append(hdr)
for r in rows: ws.append([r["id"],r["when"],r["title"],r["desc"].replace("\r\n","\n"),r["unit"],r["role"],r["kanal"],r["status"],r["handl"],r["res"]])
wb.save("vasterskog_w45.xlsx")
with open("answer_key.csv","w",encoding="utf-8",newline="") as f:
    w=csv.writer(f); w.writerow(["id","created","problem","module","kind","note","title"])
    for r in rows: w.writerow([r["id"],r["when"].isoformat(),r["problem"],r["module"],r["kind"],r["note"],r["title"]])
print(len(rows), [sum(1 for r in rows if r["when"].date()==d) for d in days])
