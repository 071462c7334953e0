import asyncio

import pytest

from chat.llm.fair_queue import FairQueue, Ticket


async def take(queue, ticket, log, name):
    async for ahead in queue.turns(ticket):
        log.append((name, ahead))
    log.append((name, "turn"))


async def test_first_come_first_served_with_positions():
    queue = FairQueue(slots=1)
    log: list = []
    tickets = [Ticket() for _ in range(3)]
    tasks = [asyncio.create_task(take(queue, t, log, n)) for n, t in zip("abc", tickets)]
    await asyncio.sleep(0.01)
    assert log == [("a", "turn"), ("b", 1), ("c", 2)]
    queue.release(tickets[0])
    await asyncio.sleep(0.01)
    assert log[-2:] == [("b", "turn"), ("c", 1)]
    queue.release(tickets[1])
    await asyncio.sleep(0.01)
    assert log[-1] == ("c", "turn")
    await asyncio.gather(*tasks)


async def test_cancelled_waiter_frees_its_place():
    queue = FairQueue(slots=1)
    log: list = []
    first, second, third = Ticket(), Ticket(), Ticket()
    await take(queue, first, log, "a")
    t2 = asyncio.create_task(take(queue, second, log, "b"))
    t3 = asyncio.create_task(take(queue, third, log, "c"))
    await asyncio.sleep(0.01)
    assert ("c", 2) in log
    t2.cancel()
    await asyncio.sleep(0.01)
    assert log[-1] == ("c", 1) and queue.waiting == 1
    queue.release(first)
    await asyncio.sleep(0.01)
    assert log[-1] == ("c", "turn")
    await t3
    with pytest.raises(asyncio.CancelledError):
        await t2


async def test_two_slots_serve_two_at_once():
    queue = FairQueue(slots=2)
    log: list = []
    tickets = [Ticket() for _ in range(3)]
    tasks = [asyncio.create_task(take(queue, t, log, n)) for n, t in zip("abc", tickets)]
    await asyncio.sleep(0.01)
    assert ("a", "turn") in log and ("b", "turn") in log and ("c", 1) in log
    queue.release(tickets[1])
    await asyncio.sleep(0.01)
    assert log[-1] == ("c", "turn")
    await asyncio.gather(*tasks)
