"""The stand-in answers getChatMember as Telegram does, so /platforms can check a group's admins:
the objects parse into python-telegram-bot's own member classes."""

from __future__ import annotations

from telegram import ChatMemberAdministrator, ChatMemberMember

from bot.console import objects
from bot.console.api import BotApi

GROUP = -1001000000555


def test_a_listed_admin_is_an_administrator_and_anyone_else_a_member():
    api = BotApi(objects.user(7000000001) | {"is_bot": True}, check=None)
    api.admins[GROUP] = {42}
    admin = ChatMemberAdministrator.de_json(
        api.call("getChatMember", {"chat_id": GROUP, "user_id": 42}), None
    )
    member = ChatMemberMember.de_json(api.call("getChatMember", {"chat_id": GROUP, "user_id": 43}), None)
    assert admin.status == "administrator" and admin.user.id == 42 and admin.can_manage_chat
    assert member.status == "member" and member.user.id == 43
