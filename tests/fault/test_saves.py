"""Staff saving a number and a service that uses it at the same moment."""

import threading

from .client import Staff, fetch
from .probes import RUN, stored_name, stored_number
from .servers import STAFF, report


def _save(pair, key, who, path, form_id, **changes):
    pair[key] = who.save(path, form_id, **changes)


def test_number_and_service_saved_together(site, records):
    staff = [Staff(site.base, *STAFF), Staff(site.base, *STAFF)]
    service = f"/admin/directory/service/{records['service']}/change/"
    contact = f"/admin/directory/contact/{records['contact']}/change/"
    results, lost = [], 0
    for round_ in range(20):
        name = f"동시 저장 {RUN} {round_}"
        number = f"031-{8000 + int(RUN[-3:]) % 1000}-{1000 + round_}"
        pair = {}
        threads = [
            threading.Thread(
                target=_save,
                args=(pair, "service", staff[0], service, "service_form"),
                kwargs={"name_ko": name},
            ),
            threading.Thread(
                target=_save,
                args=(pair, "contact", staff[1], contact, "contact_form"),
                kwargs={"number": number},
            ),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        results.append((pair["service"][0], pair["contact"][0]))
        page = fetch(site.base + f"/services/{records['service']}/")[2]
        # A save answered 302 is kept; one refused (200) says why, in Korean.
        if pair["service"][0] == 302 and (
            name not in page or stored_name(records) != name
        ):
            lost += 1
        if (
            pair["contact"][0] == 302
            and stored_number(records) != "+82" + (number.replace("-", "")[1:])
        ):
            lost += 1
        for status, body in pair.values():
            if status == 200:
                assert "같은 순간에 다른 변경 사항이" in body or "변경했습니다" in body
    report(
        "A number and a service that uses it saved together, 20 rounds",
        statuses=results,
        saves_lost=lost,
    )
    assert all(status in (200, 302) for pair in results for status in pair)
    assert lost == 0
