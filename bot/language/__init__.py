"""Understanding what participants write to the bot in Finnish, Swedish or English."""
