"""ConText roles, vocabulary fill-in and symptom-place groups on the project's spaCy pipeline."""

import pytest

from components.clinical_context import (
    drop_misreadings,
    kept_functions,
    set_groups,
    set_roles,
    short_spells,
    vocabulary_entities,
)


def analyse(nlp, context, text, entities=()):
    doc = nlp(text.lower())
    found = [dict(e) for e in entities]
    found += vocabulary_entities(doc, found)
    found = drop_misreadings(doc, found)
    found.sort(key=lambda e: e["start"])
    set_roles(doc, found, context)
    set_groups(doc, found)
    return found


def role_of(found, text, word):
    start = text.index(word)
    return next(e.get("role") for e in found if e["start"] <= start < e["end"])


@pytest.mark.parametrize(
    "text, word, role",
    [
        ("I have tingling in my left foot but no back pain", "back", "negated"),
        ("I have tingling in my left foot but no back pain", "tingling", None),
        ("I don't have any numbness or tingling", "numbness", "negated"),
        ("I don't have any numbness or tingling", "tingling", "negated"),
        ("not in my right leg", "right", "negated"),
        ("it's in my left leg, not my right", "left", None),
        ("it's in my left leg, not my right", "right", "negated"),
        ("numbness in my foot, back is ok", "back", "negated"),
        ("numbness in my foot, back is ok", "foot", None),
        ("No, but my calf is swollen", "swollen", None),
        ("I can't feel my toes", "toes", None),
        ("cant feel my foot", "foot", None),
        ("no back pain, just tingling in my toes", "tingling", None),
        ("I don't have back pain and my toes are numb", "numb", None),
        ("never had any weakness", "weakness", "negated"),
        ("dont have no tingling", "tingling", "negated"),
        ("what if my foot goes numb", "numb", "hypothetical"),
        ("could this turn into weakness?", "weakness", "hypothetical"),
        ("my mum had swollen legs", "swollen", "other_person"),
        ("it hurts if I sit down", "hurts", None),
        ("I'm worried about the numbness in my foot", "numbness", None),
        ("havent fallen or hurt myself, it just started out of the blue", "fallen", "negated"),
        ("havent fallen or hurt myself, it just started out of the blue", "blue", None),  # the comma ends it
        ("sleeping fine, it doesnt wake me", "wake", "negated"),
        ("no change with my bladder or bowels", "bladder", "negated"),
        ("no problems with my waterworks", "waterworks", "negated"),
        ("could it be sciatica? no back pain", "back", "negated"),  # the question ends at its "?"
        ("what if i lose control of my bladder?? waterworks normal", "waterworks", "negated"),
        ("swelling yes, redness no", "redness", "negated"),
        ("swelling yes, redness no", "swelling", None),
        ("swelling? not that ive noticed", "swelling", "negated"),
        ("left leg - numb. right leg - fine", "right", "negated"),
        ("left leg - numb. right leg - fine", "left", None),
        ("numbness - fine until last week", "numbness", None),
        ("never 'ad a clot in me life", "clot", "negated"),
        ("numb in my foot but nothin down below", "below", "negated"),
        ("nothing numb down below", "numb", "negated"),
        ("swelling? nothing", "swelling", "negated"),
        ("tried everything and nothing, my leg still hurts", "hurts", None),
        ("No back pain nothing. Sugar also not.", "Sugar", "negated"),
        ("my waterworks are also totally normal", "waterworks", "negated"),
        ("I've no bother with me waterworks", "waterworks", "negated"),
        ("my knee op went fine, no fever though", "knee op", None),
        ("ma maw never had ony clots", "clots", "other_person"),
        # Everyday and clinical words for known values: the ruler finds them when the model does not.
        ("no face drooping, my speech is fine", "speech", "negated"),
        ("no sensory loss in the foot, no motor deficit", "motor", "negated"),
        ("no IVDU, never injected anything", "injected", "negated"),
        ("no bruising, no varicose veins", "varicose", "negated"),
        ("they dont last more than 10 minutes", "more", "negated"),
        ("Ex-smoker, ABPI 0.6", "smoker", "negated"),
        ("former smoker", "smoker", "negated"),
        ("I'm a former cancer patient and my back aches", "cancer", None),  # the history stays: a red flag's risk
        ("numb down below, nothing else", "down below", None),  # "nothing else" denies nothing said
        ("both legs weak, bloods were fine", "weak", None),  # a clear test denies only what it names
        ("wet myself, scan was normal", "wet myself", None),
        ("cancer scan was clear but my back is agony", "cancer", None),
        ("pregnancy test came back negative", "pregnancy", "negated"),
        ("my bladder is leaking, nothing I can do", "leaking", None),
        ("numb down below and nothing helps", "down below", None),
        ("swelling? nothing", "swelling", "negated"),
        ("ex-IV drug user", "IV drug", None),
        ("Wound healed well, no redness", "Wound", "negated"),
        ("urine and stool both are normal", "stool", "negated"),
        ("no pain in my chest and I can breathe fine", "breathe", "negated"),
        ("feet aren't cold or discoloured", "discoloured", "negated"),
        ("didnt twist it or anything", "twist", "negated"),
        ("I did not have any accident, the pain came alone", "accident", "negated"),
        ("both legs weak but no probs with toilet", "toilet", "negated"),
        ("diabetic nurse says my circulation is fine", "circulation", "negated"),
        ("not able to lift my left foot properly, doesnt hurt tho", "hurt", "negated"),
        ("no knee pain, shins are killing me", "killing", None),
        ("my bladder hasn't changed", "bladder", "negated"),
        ("the pain hasn't changed", "pain", None),
        ("swelling? none that I can see", "swelling", "negated"),
        ("the numbness hasn't come back, thankfully", "numbness", "negated"),
        ("no problems peeing", "peeing", "negated"),
        ("bladder no problem", "bladder", "negated"),
        ("no worries, the pain is bad", "pain", None),
        ("no calf tenderness", "tenderness", "negated"),
        ("no redness or warmth", "warmth", "negated"),
        ("no loss of feeling", "loss", "negated"),
        ("no dribbling, no urinary urgency", "urgency", "negated"),
        ("not lost any weight", "lost", "negated"),
        ("no loss of power", "power", "negated"),
        ("Update: the DVT scan was clear!! So no clot", "DVT", "negated"),
        ("my pregnancy test came back negative", "pregnancy", "negated"),
        ("the scan was clear but my calf is still swollen", "swollen", None),
        ("swelling - minimal. redness - none. heat - none", "heat", "negated"),
        # Double negatives and figures of speech that say the thing is there.
        ("There's no way I'm imagining this weakness in my ankle", "weakness", None),
        ("I can't remember the last time my feet weren't numb.", "numb", None),
        ("Never had a single day without back pain since the crash", "pain", None),
        ("It's not that my foot isn't numb, it is", "numb", None),
        ("its not that i cant feel my toes, they just feel tingly", "cant", "negated"),
        ("No sooner had I sat down than the tingling started", "tingling", None),
        ("fever is not there", "fever", "negated"),
        ("pain is there in my leg", "pain", None),
        ("cant say ive lost weight", "lost", "negated"),
        # A place is not denied with what is denied of it: it stays in the conversation's places.
        ("legs arent swollen at all", "legs", None),
        ("my toes dont go cold", "toes", None),
        ("legs aren't weak, just sore", "legs", None),
        ("my saddle area isn't numb, it's tingly", "saddle", None),
        # "not going" and "not getting" describe symptoms, red flags among them, or the course.
        ("i'm not going for a wee properly", "wee", None),
        ("not getting the urge to pee", "pee", None),
        ("not getting any power in both legs", "legs", None),
        ("the pain is not getting any better", "pain", None),
        ("the numbness is not going away", "numbness", None),
        # A denial typed with the apostrophe in the wrong place, and a doubled "no".
        ("i have'nt had surgery this year", "surgery", "negated"),
        ("cancer? no never", "cancer", "negated"),
        ("weakness? nope not me", "weakness", "negated"),
        ("swelling? none.", "swelling", "negated"),
        ("weak? not really", "weak", "negated"),
        ("the bowels are quite normal", "bowels", "negated"),
        ("sneezing doesn't set it off", "sneezing", "negated"),
        ("no more pins and needles", "pins", "negated"),
        # Double negatives and "not ... properly" say the thing is there.
        ("i can't say i haven't had the odd twinge", "twinge", None),
        ("not that i've not had cramps before", "cramps", None),
        ("it's not like i don't have numbness", "numbness", None),
        ("no, it's not that i'm not weak", "weak", None),
        ("can't say i've never had a leak", "leak", None),
        ("i'm not peeing properly, it dribbles", "peeing", None),
        ("i ain't got no numbness", "numbness", "negated"),
        ("no i haven't had any numbness", "numbness", "negated"),
        # A new clause after a denial is not denied with it.
        ("not really numb, more like pins and needles", "pins", None),
        ("no long car journeys, calf is tender tho", "tender", None),
        ("no knee pain, shins are killing me", "shins", None),
        ("the tablets are not working, still pain in my back", "pain", None),
        ("no fever, bowels are normal", "bowels", "negated"),
        ("my dad, his feet are numb", "numb", "other_person"),
        # Two things denied together by a cue after the second; not when the first is said to be wrong.
        ("bladder n bowels ok", "bladder", "negated"),
        ("pee n poo r normal", "pee", "negated"),
        ("tingling in both feet but my bladder and bowels are fine", "bladder", "negated"),
        ("tingling in both feet but my bladder and bowels are fine", "tingling", None),
        ("i can't control my bladder and bowels are fine", "bladder", None),
        ("leaking and bowels normal", "leaking", None),
        # Scots, Nigerian and Indian English denials.
        ("divnae smoke, never have", "smoke", "negated"),
        ("it wasnae a fall", "fall", "negated"),
        ("nae bother wi ma bladder", "bladder", "negated"),
        ("ma waterworks are aw fine", "waterworks", "negated"),
        ("ma had sciatica for years", "sciatica", "other_person"),
        ("my urine dey normal", "urine", "negated"),
        ("urine also no problem", "urine", "negated"),
        ("no fever, also my foot is numb", "numb", None),
        ("there's feck all wrong with me bladder", "bladder", "negated"),
        ("nothing's changed with my number twos", "number", "negated"),
        ("bowels regular as clockwork", "bowels", "negated"),
        ("the pain is regular", "pain", None),
        # Someone else's fact after "after his".
        ("my dad had a clot after his hip replacement", "hip", "other_person"),
        # Retention is present: "not peeing much", "no way I can hold my wee".
        ("i'm not peeing much and when i do it's a dribble", "peeing", None),
        ("i don't wee enough", "wee", None),
        ("i'm not peeing myself", "peeing", "negated"),
        ("there's no way i can hold my wee", "wee", None),
        ("there's no way i'm pregnant", "pregnant", "negated"),
        ("no way to get comfy, no fever", "fever", "negated"),
        ("when i do it's a dribble, no temp", "temp", "negated"),
        ("does it mean i have sciatica", "sciatica", "hypothetical"),
        # A fact said in a cue's words: "no history of cancer".
        ("there's no history of cancer", "cancer", "negated"),
        # Jamaican denials, and a clinician's "nil" and "non-".
        ("mi nuh have no tingling", "tingling", "negated"),
        ("me neva smoke a day inna mi life", "smoke", "negated"),
        ("mi knee nuh swell, a mi ankle swell", "ankle", None),
        ("nil swelling of the calves", "swelling", "negated"),
        ("perianal sensation intact", "perianal", "negated"),
        ("numbness in the perianal area", "perianal", None),
        ("i take no blood-thinning tablets", "blood", "negated"),
        ("calves non-tender", "tender", "negated"),
        ("tender calves", "tender", None),
        ("reports numbness, nil else", "numbness", None),
        # A colon before a list of denials does not swallow its first "no".
        ("for the record: no fever, no weight loss", "fever", "negated"),
        ("fever: no", "fever", "negated"),
        # In a list where each denial has its own "no", the item without one is not denied.
        ("no swelling, no redness, burning in the sole of my foot", "burning", None),
        ("no swelling, no redness, legs aren't weak", "weak", "negated"),
        ("no swelling, redness or heat", "redness", "negated"),
        # Ruled out, before or after; a cue after the thing in inverted order; "I don't think so".
        ("clot ruled out by the scan", "clot", "negated"),
        ("they ruled out a clot", "clot", "negated"),
        ("they ruled out a clot, still swollen though", "swollen", None),
        ("a fall there was not", "fall", "negated"),
        ("numbness? i don't believe so", "numbness", "negated"),
        ("numbness, and i don't think it is getting better", "numbness", None),
        # Still a fact said as fine, in more words.
        ("my bowels remain entirely normal", "bowels", "negated"),
        ("my bladder has been fine throughout", "bladder", "negated"),
        ("my bladder works as it should", "bladder", "negated"),
        ("my bladder is 100 percent", "bladder", "negated"),
        ("the leg is as strong as ever", "leg", "negated"),
        ("the leg is as weak as ever", "weak", None),
        ("water works are fine", "water", "negated"),
        ("bowels behaving, no complaints", "bowels", "negated"),
        ("the right is completely unaffected", "right", "negated"),
        # Gone and past: a resolved symptom or condition is not there now; one that has not gone is.
        ("had a slipped disc in my thirties, all gone now", "slipped", "negated"),
        ("the pins and needles cleared up after a week", "pins", "negated"),
        ("the numbness has not cleared up", "numbness", None),
        ("my calf cramps went away", "cramps", "negated"),
        ("the pain went down my leg", "pain", None),
        ("the swelling has gone down now", "swelling", "negated"),
        ("stung on the ankle yesterday, the swelling's gone down now", "swelling", "negated"),
        ("no fever, the pain's gone into my foot", "pain", None),
        ("my foot tingled and now it's gone numb", "tingled", None),
        ("my leg used to swell but not any more", "swell", "negated"),
        ("i had sciatica once but it settled", "sciatica", "negated"),
        ("the ache never goes away", "ache", None),
        ("no longer on warfarin", "warfarin", "negated"),
        ("i can no longer feel my heel", "heel", None),
        ("quit smoking in 2010", "smoking", "negated"),
        ("gave up the fags at new year", "fags", "negated"),
        ("stopped walking far because of the pain", "pain", None),
        ("i had been free of sciatica for years but it's back", "sciatica", None),
        ("free of sciatica for years now", "sciatica", "negated"),
        # Certainty and double negatives with "without", a break or "nothing helps".
        ("no doubt it's a trapped nerve", "trapped", None),
        ("without a doubt the numbness is worse", "numbness", None),
        ("no numbness without a doubt", "numbness", "negated"),
        ("i can't stand without my knee buckling", "buckling", None),
        ("walking without pain", "pain", "negated"),
        ("not a night goes by without cramp", "cramp", None),
        ("no let up from the burning", "burning", None),
        ("the tingling in my toes, nothing seems to help", "toes", None),
        ("tingling, nothing", "tingling", "negated"),
        # Doubts: "any chance", a clinician's query, "want to know if", a modal question, trips to come.
        ("any chance it's a dvt?", "dvt", "hypothetical"),
        ("no chance i'm pregnant", "pregnant", "negated"),
        ("suspected sciatica, left leg pain", "sciatica", "hypothetical"),
        ("suspected sciatica, left leg pain", "pain", None),
        ("can you tell me if it's sciatica", "sciatica", "hypothetical"),
        ("could a slipped disc cause this", "slipped", "hypothetical"),
        ("my slipped disc could be pressing on the nerve", "slipped", None),
        ("long flight booked for june", "flight", "hypothetical"),
        ("i'm flying next month", "flying", "hypothetical"),
        ("i flew back last month", "flew", None),
        # A reason after "because" is a new clause; "because of" is not.
        ("i wonder if it's sciatica because the pain shoots down my leg", "pain", None),
        ("no numbness because i checked", "numbness", "negated"),
        # Someone else, in more words and from more places.
        ("my grandmother had diabetes", "diabetes", "other_person"),
        ("mi madda have sugar", "sugar", "other_person"),
        ("my ouma had sciatica", "sciatica", "other_person"),
        ("pa had a clot last year", "clot", "other_person"),
        ("no diabetes in the family", "diabetes", "other_person"),
        ("arthritis and clots on my mum's side of the family", "clots", "other_person"),
        ("clots in my calf", "clots", None),
        # A remark in commas inside a denial does not end it; a new subject after a comma does.
        ("i have not, i'm happy to say, had any tingling", "tingling", "negated"),
        ("no fever, still sore in the calf", "sore", None),
        ("no fever, a bit of tingling", "tingling", None),
        # Form-style answers, ticks and crosses, and words for none.
        ("trauma: nil. recent travel: nil", "trauma", "negated"),
        ("foot drop / tripping: neither", "foot drop", "negated"),
        ("swelling?? nope. redness? also nope. pain? oh god yes", "redness", "negated"),
        ("swelling?? nope. redness? also nope. pain? oh god yes", "pain", None),
        ("saddle numbness? no. bladder control? fine", "bladder", "negated"),
        ("bladder control is not fine", "bladder", None),
        ("bladder: fine until yesterday, now leaking", "bladder", None),
        ("fever ❌ weight loss ❌ numbness ✅ in my left foot", "weight loss", "negated"),
        ("fever ❌ weight loss ❌ numbness ✅ in my left foot", "numbness", None),
        ("🚫 bladder issues, just burning feet", "bladder", "negated"),
        ("🚫 bladder issues, just burning feet", "burning", None),
        ("🚫 bladder issues 🚫 back pain", "back", "negated"),
        ("zilch numbness, nada tingling", "tingling", "negated"),
        ("can walk fine w/o any pain", "pain", "negated"),
        ("numbness is absent, only weakness in my right foot", "numbness", "negated"),
        ("numbness is absent, only weakness in my right foot", "weakness", None),
        ("idk if its sciatica or just the gym", "sciatica", "hypothetical"),
        # Idioms with a negation that say the thing is there.
        ("no wonder i can't sleep, the burning is relentless", "sleep", None),
        ("without fail, every evening my ankles swell up", "swell", None),
        ("without any swelling in my ankles", "swelling", "negated"),
        ("i can't remember a time i didn't have stiffness in my lower back", "stiffness", None),
        ("i didn't have stiffness in my lower back", "stiffness", "negated"),
        ("I've never felt pain like this in my shin", "pain", None),
        ("I've never felt pain in my shin", "pain", "negated"),
        # A condition denied under a hedge; a question stays a doubt.
        ("probably not a clot as it came on after football", "clot", "negated"),
        ("could it not be a clot?", "clot", "hypothetical"),
        ("i dont think its a trapped nerve, the pain is in the knee", "trapped nerve", "negated"),
        ("I doubt it's sciatica as my back has never been bad", "sciatica", "negated"),
        ("do you think it's sciatica?", "sciatica", "hypothetical"),
        ("there's no doubt it's sciatica, the physio confirmed it", "sciatica", None),
        # medspaCy's "no new" cue overlaps a fact that starts with "new".
        ("no new shoes recently", "shoes", "negated"),
        # More ways to say the bowels are fine, and swelling that went down.
        ("my bowels are moving as normal", "bowels", "negated"),
        ("the swelling went down after a day or two", "swelling", "negated"),
        ("the pain went down my leg after lifting", "pain", None),
        # The thing first, the denial at the end of its sentence; a form's "N/A".
        ("weakness I have not.", "weakness", "negated"),
        ("tingling i get, weakness i dont", "weakness", "negated"),
        ("tingling i get, weakness i dont", "tingling", None),
        ("pregnant: N/A", "pregnant", "negated"),
        # "Not a problem", a clinician's "not present" and "denied", "not at all", stopped some time ago.
        ("swelling hasn't been an issue", "swelling", "negated"),
        ("tingling not present in either foot", "tingling", "negated"),
        ("weight loss denied.", "weight loss", "negated"),
        ("numbness - not at all", "numbness", "negated"),
        ("the cramps stopped about three weeks ago", "cramps", "negated"),
        ("the cramps started about three weeks ago", "cramps", None),
        # "Not half" is British for "very much".
        ("not half tingly, me feet", "tingly", None),
        ("I can categorically exclude a history of cancer", "cancer", "negated"),
        ("my immune system is fine", "immune system", "negated"),
        ("the cramps don't last long", "last long", "negated"),
        # A denial of the whole list before it; not what the list did.
        ("chest pain, breathless, coughing blood - none of the above mate", "chest pain", "negated"),
        ("fever, weight loss, night sweats? none of those", "fever", "negated"),
        ("stretching, heat, rest - none of them have helped the cramp", "cramp", None),
        # Dialect denials, after a pronoun where the word has another meaning ("ENT" is a clinic).
        ("I bain't diabetic", "diabetic", "negated"),
        ("it ent swell up though", "swell", "negated"),
        ("I doh smoke", "smoke", "negated"),
        ("saw ENT about my ears, numb foot", "numb", None),
        ("numb between the legs? nope", "between", "negated"),
        ("the doctor discarded a clot", "clot", "negated"),
        ("my sugar is good", "sugar", "negated"),
        ("stretching my calf feels good", "calf", None),
        # A past thing gone, with a new clause after it; a clause after the comma that is not a denial.
        ("I had the operation, the pain is gone. Now my toes are numb", "pain", "negated"),
        ("Not swollen any more, the swelling went down last week", "swelling", "negated"),
        ("no numbness, the pain went down my leg last week", "pain", None),
        ("my calf's gone numb, the swelling is bad", "swelling", None),
        ("I used to smoke, not anymore", "smoke", "negated"),
        # Hedged and everyday denials: "don't think" as "dont think"; gone since; "no longer get".
        ("I don't think I have a fever", "fever", "negated"),
        ("I don't think I've ever been this weak in my legs", "weak", None),
        ("I don't know if it's swollen", "swollen", None),
        ("swelling has gone down but it's still sore", "swelling", "negated"),
        ("the tingling stopped yesterday", "tingling", "negated"),
        ("I no longer get pins and needles", "pins", "negated"),
        ("it doesn't hurt when I cough", "cough", "negated"),
        ("I don't have diabetes or high blood pressure", "diabetes", "negated"),
        ("never numb, always sore", "sore", None),
        ("not always numb", "numb", None),
        ("the swelling hasn't gone down", "swelling", None),
        ("it's never been this swollen", "swollen", None),
        ("I've never had this numbness before", "numbness", None),
        # A denial that ends at a comma, before a new clause about something present.
        ("swelling? no, the pain is bad", "swelling", "negated"),
        ("swelling? no, the pain is bad", "pain", None),
        ("redness no, calf is sore", "redness", "negated"),
        ("fever nil, leg is numb", "fever", "negated"),
        ("fever nil, leg is numb", "numb", None),
        ("The pain not there again, only the numbness", "pain", "negated"),
        ("Not that I've noticed any weakness either", "weakness", "negated"),
        # Clinical shorthand and forms answered Y/N.
        ("Saddle anaesthesia -ve, retention -ve", "retention", "negated"),
        ("Pain R buttock. Bladder NAD, saddle NAD.", "Bladder", "negated"),
        ("Y/N: fever N, weight loss N, night pain Y, steroids N", "weight loss", "negated"),
        ("Y/N: fever N, weight loss N, night pain Y, steroids N", "pain", None),
        ("pins n needles, back n legs sore", "back", None),
        # Looked for, able to, gone, taken back, crossed out.
        ("Its not red and I cant see any swelling", "swelling", "negated"),
        ("cant think of any injury", "injury", "negated"),
        ("neither of them are weak", "weak", "negated"),
        ("none of them have helped the cramp", "cramp", None),
        ("blood thinners? not me.", "blood thinners", "negated"),
        ("it's not me knee, it's me shin", "shin", None),
        ("Physio reckons it isn't coming from my back.", "back", "negated"),
        ("Used to smoke, gave up 15 yrs ago", "smoke", "negated"),
        ("I'm off the blood thinners since 2022", "blood thinners", "negated"),
        ("swollen calf since i got off the plane", "plane", None),
        ("can pee, can poo", "pee", "negated"),
        ("I can barely pee", "pee", None),
        ("the numbness in my big toe has completely settled", "numbness", "negated"),
        ("The pain went months ago", "pain", "negated"),
        ("my bladder has always been fine", "bladder", "negated"),
        ("It was swollen last week but now it has come down.", "swollen", "negated"),
        ("the redness has faded", "redness", "negated"),
        ("it doesn't happen at night", "at night", "negated"),
        ("Nothing past the knee, no numbness", "knee", "negated"),
        ("peeing and pooing - all normal.", "pooing", "negated"),
        ("Numbness ❌ Back pain ✅ Weakness ❌", "Numbness", "negated"),
        ("Numbness ❌ Back pain ✅ Weakness ❌", "pain", None),
        ("both legs weak - no 👍", "weak", "negated"),
        ("Pins and needles 👍 gone! Pain 👎 still there", "Pain", None),
        ("i said calf but its more the shin really", "calf", "negated"),
        ("i said calf but its more the shin really", "shin", None),
        ("sorry I said left earlier", "left", "negated"),
        ("I said my calf hurts and it does", "calf", None),
        ("tingling yes numbness no weakness no", "numbness", "negated"),
        ("tingling yes numbness no weakness no", "tingling", None),
        ("my calf no swelling no redness", "calf", None),
        ("lifted my toddler out of the bath and felt a pop in my low back", "back", None),
        ("my da had a clot in his leg", "clot", "other_person"),
        ("it's a sharp pain on the right side", "pain", None),
        ("had my baby 5 weeks ago by c-section", "c-section", None),
        ("My wife says I'm walking funny, like my foot is dragging.", "foot", None),
        ("my wife says her leg is numb", "numb", "other_person"),
        ("my family doctor says my foot is numb", "numb", None),
        ("bro my leg is killing me", "leg", None),
        ("a mate of mine had sciatica", "sciatica", "other_person"),
        ("my baby toe is numb", "numb", None),
        ("chasing my grandson round the park, pulled my calf", "calf", None),
        ("my grandson has a sore knee", "knee", "other_person"),
    ],
)
def test_roles(nlp, context, text, word, role):
    assert role_of(analyse(nlp, context, text), text, word) == role


@pytest.mark.parametrize("text, word", [("my toes dont catch", "catch"), ("my foot doesnt drag", "drag")])
def test_a_mention_inside_its_own_denial_is_denied(nlp, context, text, word):
    start = text.index(word)
    dropping = {"entity": "symptom", "value": "foot_drop", "start": start, "end": start + len(word)}
    assert role_of(analyse(nlp, context, text, [dropping]), text, word) == "negated"


@pytest.mark.parametrize(
    "text, word, role",
    [
        # Written for someone else: "he", "she", "his", "her" carry on past a family cue's reach.
        ("I write for my husband. He has tingling in both feet. He says there is no pain.", "tingling", "other_person"),
        ("I write for my husband. He has tingling in both feet. He says there is no pain.", "pain", "other_person"),
        ("I'm typing for my mum. She has pins and needles and her calves cramp at night. No swelling.", "swelling",
         "other_person"),
        ("my flatmate won't see a doctor. he's had back pain for weeks and his legs aren't weak", "weak",
         "other_person"),
        # The writer's own, after someone else: "I", "me", "my", or a sentence after a name alone.
        ("my mum had a DVT after her hip op so I'm worried because my calf is swollen", "calf", None),
        ("my mum had a DVT after her hip op so I'm worried because my calf is swollen", "hip", "other_person"),
        ("My mum had a DVT. No swelling in my leg though.", "swelling", "negated"),
        ("My mum had a DVT. My calf hurts but there is no swelling.", "swelling", "negated"),
        ("My husband has restless legs. I have cramps but they are short.", "cramps", None),
        ("My father's cancer went to his back. Can this back pain be cancer? I have not lost weight.", "pain", None),
        # No one else named: "she" is the doctor, and the writer's findings stay the writer's.
        ("The GP said she thinks it is sciatica. No numbness.", "numbness", "negated"),
    ],
)  # fmt: skip
def test_someone_elses_findings_in_a_message_written_for_them(nlp, context, text, word, role):
    assert role_of(analyse(nlp, context, text), text, word) == role


def test_a_denial_reaches_the_model_span_that_starts_with_its_own_word(nlp, context):
    text = "no trouble breathing."
    start = text.index("trouble")
    breathing = {"entity": "finding", "value": "breathless_or_chest_pain", "start": start, "end": start + 17}
    assert analyse(nlp, context, text, [breathing])[0]["role"] == "negated"


def bladder(text):
    start = text.index("bladder")
    return {"entity": "finding", "value": "bladder_bowel_changes", "start": start, "end": start + len("bladder")}


def test_a_bladder_that_is_fine_is_negated_but_one_that_cannot_be_controlled_is_not(nlp, context):
    fine = "my bladder is fine"
    lost = "I can't control my bladder"
    assert analyse(nlp, context, fine, [bladder(fine)])[0]["role"] == "negated"
    assert analyse(nlp, context, lost, [bladder(lost)])[0].get("role") is None


def test_when_after_worse_does_not_end_a_denial_before_the_fact(nlp, context):
    # The model may tag only the activity ("sitting"), after the "when" that ends a denial's reach.
    denied, present = "it's not worse when I'm sitting", "no numbness. worse when I'm sitting"
    for text, role in ((denied, "negated"), (present, None)):
        start = text.index("sitting")
        sitting = {"entity": "finding", "value": "worse_sitting", "start": start, "end": start + len("sitting")}
        found = analyse(nlp, context, text, [sitting])
        assert next(e for e in found if e["value"] == "worse_sitting").get("role") == role


def test_a_clinicians_afebrile_denies_a_fever(nlp, context):
    found = analyse(nlp, context, "afebrile, calf tender")
    assert [(e["value"], e.get("role")) for e in found if e["entity"] != "body_part"] == [
        ("fever", "negated"),
        ("pain", None),
    ]


def test_worry_about_a_named_condition_is_hypothetical(nlp, context):
    text = "I'm worried it could be sciatica"
    sciatica = {
        "entity": "condition",
        "value": "lumbar_radiculopathy",
        "start": text.index("sciatica"),
        "end": len(text),
    }
    assert analyse(nlp, context, text, [sciatica])[0]["role"] == "hypothetical"


def test_known_words_missed_by_the_model_are_added_with_their_canonical_value(nlp, context):
    found = analyse(nlp, context, "pins and needles in me toes")
    assert [(e["entity"], e["value"]) for e in found] == [("symptom", "tingling"), ("body_part", "toes")]


def test_an_entity_from_the_model_is_not_duplicated(nlp, context):
    text = "numb foot"
    model = {"entity": "symptom", "value": "numbness", "start": 0, "end": 4}
    assert [e["value"] for e in analyse(nlp, context, text, [model])] == ["numbness", "foot"]


def groups(found):
    by_group = {}
    for e in found:
        if e.get("group"):
            by_group.setdefault(e["group"], set()).add(e["value"])
    return sorted(by_group.values(), key=sorted)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("burning in my left thigh and tingling in my toes", [{"burning_pain", "left", "thigh"}, {"tingling", "toes"}]),
        ("my foot is numb and my calf hurts", [{"calf", "pain"}, {"foot", "numbness"}]),
        ("pain and numbness in my foot", [{"foot", "numbness", "pain"}]),
        ("shooting pain from my buttock down to my foot", [{"buttock", "foot", "shooting_pain"}]),
    ],
)
def test_symptoms_are_grouped_with_the_places_they_are_said_of(nlp, context, text, expected):
    assert groups(analyse(nlp, context, text)) == sorted(expected, key=sorted)


def test_a_span_that_swallows_another_mention_is_trimmed(nlp, context):
    text = "tingling in my left foot"
    side = {"entity": "side", "value": "left", "start": text.index("left"), "end": len(text)}
    found = analyse(nlp, context, text, [side])
    assert [(text[e["start"] : e["end"]], e["value"]) for e in found] == [
        ("tingling", "tingling"),
        ("left", "left"),
        ("foot", "foot"),
    ]


def test_a_symptom_inside_a_known_fact_becomes_the_fact(nlp, context):
    text = "legs ache when i walk. no chest pain"
    start = text.index("pain")
    model = {"entity": "symptom", "value": "pain", "start": start, "end": start + 4}
    found = analyse(nlp, context, text, [model])
    chest = next(e for e in found if e["start"] == text.index("chest"))
    assert (chest["entity"], chest["value"], chest.get("role")) == ("finding", "breathless_or_chest_pain", "negated")
    assert not any(e["entity"] == "symptom" and e["start"] == start for e in found)


@pytest.mark.parametrize(
    "text, word",
    [
        ("it doesn't wake me, i sleep right through", "right"),
        ("legs r fine", "r"),
        ("gave up smoking 20 years back", "back"),
        ("flew back from spain last week", "back"),
        ("pain down the back of my thigh", "back"),
        ("just a bit of a cold last week", "cold"),
        ("both my parents had cancer", "both"),
        ("bum pain, worse on the bike saddle", "saddle"),
        ("it aches after an hour sitting on the saddle", "saddle"),
        ("diabetes on both sides of the family", "both"),
        ("we went on a day trip to the coast", "trip"),
        ("no red flags that i know of", "red"),
        ("the wound healed well", "healed"),
        ("my leg goes all fizzy when i sit on the loo", "loo"),
        ("a heat pack helps the ache", "heat"),
        ("my right leg has fallen asleep", "fallen"),
        ("I've cut down on smoking", "cut"),
        ("cramp in my calf since my last long walk", "last"),
    ],
)
def test_everyday_words_are_not_read_as_mentions(nlp, context, text, word):
    start = text.index(word)
    assert not any(e["start"] <= start < e["end"] for e in analyse(nlp, context, text))


@pytest.mark.parametrize(
    "text, word, value",
    [
        ("pain on the right side", "right", "right"),
        ("back pain came back", "back", "lower_back"),
        ("a cold feeling in my foot", "cold", "coldness"),
        ("both legs are weak", "both", "both"),
        ("I've gone numb in the saddle", "saddle", "saddle_area"),
        ("pain on both sides of my back", "both", "both"),
        ("my calf is red and hot", "red", "redness"),
        ("my toes catch and i trip on the stairs", "trip", "foot_drop"),
        ("no sores on my feet", "sores", "foot_ulcer"),
        ("not shin splints either", "shin", "shin_splints"),
        ("havent fallen or hurt myself", "hurt", "trauma"),
        ("my feet are sore", "sore", "pain"),
        ("I fell on the ice and my leg went to sleep", "fell", "trauma"),
        ("no cuts on my feet", "cuts", "wound"),
    ],
)
def test_the_same_words_as_mentions_are_kept(nlp, context, text, word, value):
    start = text.index(word)
    assert [e["value"] for e in analyse(nlp, context, text) if e["start"] <= start < e["end"]] == [value]


def test_a_fact_read_as_several_symptoms_or_as_a_place_becomes_the_fact(nlp, context):
    text = "no hot and cold sweats. had a knee op"
    model = [
        {"entity": "symptom", "value": "redness", "start": 3, "end": 6},
        {"entity": "symptom", "value": "coldness", "start": 11, "end": 22},
        {"entity": "body_part", "value": "knee", "start": text.index("knee"), "end": text.index("knee") + 4},
    ]
    found = analyse(nlp, context, text, model)
    assert [(text[e["start"] : e["end"]], e["value"], e.get("role")) for e in found] == [
        ("hot and cold sweats", "fever", "negated"),
        ("knee op", "recent_immobility_travel_surgery", None),
    ]


def model_read_restless_legs(text):
    start = text.index("restless")
    return [
        {"entity": "symptom", "value": "urge_to_move", "start": start, "end": start + 8},
        {"entity": "body_part", "value": "leg", "start": start + 9, "end": start + 13},
    ]


def test_a_denied_condition_read_as_a_symptom_and_a_place_becomes_the_condition(nlp, context):
    text = "dont get the urge, nothing like restless legs"
    found = analyse(nlp, context, text, model_read_restless_legs(text))
    assert [(text[e["start"] : e["end"]], e["entity"], e["value"], e.get("role")) for e in found] == [
        ("restless legs", "condition", "restless_legs_syndrome", "negated"),
    ]


def test_a_condition_in_the_writers_own_story_stays_a_symptom_and_a_place(nlp, context):
    text = "my cramps went, now its restless legs instead"
    found = analyse(nlp, context, text, model_read_restless_legs(text))
    assert [e["value"] for e in found if e["start"] >= text.index("restless")] == ["urge_to_move", "leg"]


def test_a_denied_problem_read_as_a_place_becomes_the_problem(nlp, context):
    text = "Teach PE. It's not shin splints, I know those."
    start = text.index("shin")
    model = [{"entity": "body_part", "value": "shin", "start": start, "end": start + len("shin splints")}]
    found = analyse(nlp, context, text, model)
    assert [(e["entity"], e["value"], e.get("role")) for e in found] == [("problem", "shin_splints", "negated")]


CRAMP = {"entity": "symptom", "value": "cramp", "start": 0, "end": 5}


@pytest.mark.parametrize(
    "text, spell",
    [
        ("cramp in the calves at night, each lasting no more than a minute or two", "a minute"),
        ("cramp, but it's never longer than a couple minutes", "a couple minutes"),
        ("cramp: maximum one minute", "one minute"),
        ("cramp in both calves, mine are over in a minute", "a minute"),
        # A floor, not a limit; how long a walk lasts before the cramp.
        ("cramp that lasts more than a minute", None),
        ("cramp after I walk for 2 minutes", None),
        ("cramp, I can't walk more than 2 minutes", None),
    ],
)
def test_a_cramp_said_to_be_short_denies_the_long_cramp(text, spell):
    found = short_spells(text, [CRAMP])
    assert [(e["value"], e["role"], text[e["start"] : e["end"]]) for e in found] == (
        [("cramp_over_10_minutes", "negated", spell)] if spell else []
    )


def test_a_short_spell_without_a_cramp_says_nothing():
    tingling = {"entity": "symptom", "value": "tingling", "start": 4, "end": 12}
    assert short_spells("the tingling lasts a minute", [tingling]) == []


@pytest.mark.parametrize(
    "text, said, value",
    [
        ("I can feel me toes grand", "can feel me toes", "numbness"),
        ("numb between the legs? no, I can feel everything down there", "can feel everything", "numbness"),
        ("Saddle sensation normal throughout.", "sensation normal", "numbness"),
        ("Rig medic says no numbness and power is normal.", "power is normal", "weakness"),
        ("The strength of the legs is normal.", "strength of the legs is normal", "weakness"),
        ("full power in both legs", "full power", "weakness"),
        ("she found no weakness and normal sensation", "normal sensation", "numbness"),
        ("no nothing like that, I can feel everything when i wipe", "can feel everything", "numbness"),
        ("I can feel the toilet paper", "can feel the toilet paper", "numbness"),
        ("I can move the foot and feel all the toes.", "and feel all the toes", "numbness"),
        ("Not weak, I can stand on tiptoe fine", "can stand on tiptoe", "weakness"),
        ("both legs are strong", "legs are strong", "weakness"),
        ("I can still lift my foot ok", "can still lift my foot", "foot_drop"),
        ("My feet are warm enough.", "feet are warm", "coldness"),
    ],
)
def test_feeling_or_strength_said_to_be_normal_denies_numbness_or_weakness(text, said, value):
    start = text.lower().index(said)
    expected = {"entity": "symptom", "value": value, "role": "negated", "start": start, "end": start + len(said),
                "extractor": "ClinicalContext"}  # fmt: skip
    assert kept_functions(text, []) == [expected]


@pytest.mark.parametrize(
    "text",
    ["I can feel my toes tingling", "I can barely feel my foot", "I can feel it in my calf", "power walking hurts",
     "I can feel the pain in my foot", "my feet feel fine but they burn at night", "I can stand on tiptoe but it hurts",
     "can't lift my foot", "I can lift my foot a bit", "my calf is warm and red"],
)  # fmt: skip
def test_feeling_something_else_denies_nothing(text):
    assert kept_functions(text, []) == []


@pytest.mark.parametrize(
    "text, said", [("weight - same as ever", "weight - same as ever"), ("I have gained 2 kg", "gained 2 kg")]
)
def test_a_weight_that_held_or_rose_denies_weight_loss(text, said):
    start = text.lower().index(said)
    expected = {"entity": "finding", "value": "weight_loss", "role": "negated", "start": start,
                "end": start + len(said), "extractor": "ClinicalContext"}  # fmt: skip
    assert kept_functions(text, []) == [expected]


def test_normal_feeling_does_not_deny_numbness_the_message_names_or_someone_elses():
    numb = {"entity": "symptom", "value": "numbness", "start": 30, "end": 34}
    assert kept_functions("I can feel my toes. The heel is numb", [numb]) == []
    hers = {"entity": "body_part", "value": "toes", "role": "other_person", "start": 14, "end": 18}
    assert kept_functions("she says her toes feel normal", [hers]) == []
